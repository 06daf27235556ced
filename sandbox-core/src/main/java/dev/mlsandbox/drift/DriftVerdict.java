package dev.mlsandbox.drift;

import java.util.List;

/**
 * A preset's verdict over all columns.
 *
 * @param preset        the preset's name
 * @param columns       one verdict per column, in column order
 * @param driftedShare  share of columns that drifted
 * @param datasetDrift  whether the data set as a whole counts as drifted
 * @param rule          the dataset-level rule, in words
 */
public record DriftVerdict(String preset, List<ColumnVerdict> columns, double driftedShare, boolean datasetDrift,
                           String rule) {
    public DriftVerdict {
        columns = List.copyOf(columns);
    }

    public long driftedCount() {
        return columns.stream().filter(ColumnVerdict::drifted).count();
    }
}
