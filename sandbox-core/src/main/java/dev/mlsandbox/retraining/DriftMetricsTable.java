package dev.mlsandbox.retraining;

import java.util.List;

/**
 * Where a drift trigger reads input drift: the rows of one window, as a monitor's
 * {@code <table>_drift_metrics} table holds them. {@link EngineDriftMetrics} computes them with the
 * drift engine; an implementation over the Delta table a data-profiling monitor writes reads the
 * same rows with a {@code WHERE window.start = ...} query, and the triggers do not change.
 */
public interface DriftMetricsTable {

    /** The rows of one window, one per monitored column; empty when the window has not been profiled. */
    List<DriftRow> rows(int window);
}
