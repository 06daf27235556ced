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

    /**
     * A numeric column; the array is used as given (not copied): do not modify it afterwards.
     *
     * @param integral whether the column is integer-typed: every value was written as an integer and
     *                 none was missing (pandas would read it as int64; Evidently types such a column
     *                 as categorical when the reference has at most 5 distinct values)
     */
    record Numeric(String name, double[] values, long missing, boolean integral) implements DataColumn {
        /** A column of doubles (not integer-typed, as a float64 array is not). */
        public Numeric(String name, double[] values, long missing) {
            this(name, values, missing, false);
        }

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
