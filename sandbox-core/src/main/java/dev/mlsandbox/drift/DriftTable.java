package dev.mlsandbox.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named columns held in memory: the input of {@link DriftEngine}. Build one from arrays, or load
 * one from a CSV or Parquet file with {@link dev.mlsandbox.drift.io.TableReader}.
 *
 * @param source  where the data came from (a path, or "memory")
 * @param rows    number of rows
 * @param columns the columns in order
 */
public record DriftTable(String source, long rows, List<DataColumn> columns) {
    public DriftTable {
        columns = List.copyOf(columns);
        Map<String, DataColumn> seen = new LinkedHashMap<>();
        for (DataColumn c : columns) {
            if (seen.put(c.name(), c) != null) {
                throw new IllegalArgumentException(source + ": column '" + c.name() + "' appears twice");
            }
        }
    }

    public static Builder builder() {
        return new Builder("memory");
    }

    public Optional<DataColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return columns.stream().map(DataColumn::name).toList();
    }

    /** Adds columns in order. */
    public static final class Builder {
        private final String source;
        private final List<DataColumn> columns = new ArrayList<>();
        private long rows;

        private Builder(String source) {
            this.source = source;
        }

        public Builder numeric(String name, double... values) {
            columns.add(new DataColumn.Numeric(name, values, 0));
            rows = Math.max(rows, values.length);
            return this;
        }

        public Builder categorical(String name, String... values) {
            columns.add(new DataColumn.Categorical(name, values, 0));
            rows = Math.max(rows, values.length);
            return this;
        }

        public DriftTable build() {
            return new DriftTable(source, rows, columns);
        }
    }
}
