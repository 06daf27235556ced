package dev.mlsandbox.retraining;

import java.util.List;

/**
 * Where a performance trigger reads model quality: the whole-table rows of a monitor's
 * {@code <table>_profile_metrics}, one per window whose labels have landed, oldest first.
 * {@link ProfileMetrics} keeps them in memory as the lab's labels land; an implementation over the
 * Delta table reads them with MLOps Stacks' query ({@code ORDER BY window DESC LIMIT 5}).
 */
public interface ProfileMetricsTable {

    /** Every labelled window's row so far, oldest first. */
    List<ProfileRow> rows();
}
