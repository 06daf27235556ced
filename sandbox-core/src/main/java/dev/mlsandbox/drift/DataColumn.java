package dev.mlsandbox.drift;

/** One column of in-memory data: numeric values or category labels, missing values already removed. */
public sealed interface DataColumn permits DataColumn.Numeric, DataColumn.Categorical {
    String name();

    /** Values that were missing (empty, NA, NaN) and were left out. */
    long missing();

    /** Non-missing values. */
    int size();

    /** {@code numeric} or {@code categorical}. */
    default String type() {
        return this instanceof Numeric ? "numeric" : "categorical";
    }

    /** A numeric column; the array is used as given (not copied): do not modify it afterwards. */
    record Numeric(String name, double[] values, long missing) implements DataColumn {
        public Numeric {
            for (double v : values) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("column '" + name + "' contains NaN; drop missing values first "
                            + "and pass their number as 'missing'");
                }
            }
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /** A categorical column. */
    record Categorical(String name, String[] values, long missing) implements DataColumn {
        @Override
        public int size() {
            return values.length;
        }
    }
}
