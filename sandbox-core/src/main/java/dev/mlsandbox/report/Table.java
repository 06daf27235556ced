package dev.mlsandbox.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A table of already formatted cells; every row has one cell per column. */
public record Table(String caption, List<String> columns, List<List<String>> rows) implements Block {
    public Table {
        Objects.requireNonNull(columns, "columns");
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table '" + caption + "': row " + i + " has " + row.size()
                        + " cells but there are " + columns.size() + " columns");
            }
            copy.add(row.stream().map(c -> c == null ? "" : c).toList());
        }
        rows = List.copyOf(copy);
        caption = caption == null ? "" : caption;
    }

    public static Builder builder(String caption, String... columns) {
        return new Builder(caption, List.of(columns));
    }

    /** Collects rows; cells are formatted with {@link Format#cell(Object)}. */
    public static final class Builder {
        private final String caption;
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(String caption, List<String> columns) {
            this.caption = caption;
            this.columns = columns;
        }

        public Builder row(Object... cells) {
            rows.add(java.util.Arrays.stream(cells).map(Format::cell).toList());
            return this;
        }

        public Table build() {
            return new Table(caption, columns, rows);
        }
    }
}
