package dev.mlsandbox.serving.scorer;

import dev.mlsandbox.registry.signature.ColumnType;

/**
 * ImputerModel: a null, or a value equal to {@code missingValue} (NaN by default, and in Spark SQL
 * NaN equals NaN), becomes the column's surrogate (the fitted mean, median or mode); the result is
 * cast back to the column's own type, so an integer column gets the surrogate truncated.
 */
record ImputerSpec(String uid, String[] inputCols, String[] outputCols, double[] surrogates, double missingValue)
        implements StageSpec {

    /**
     * @param surrogateColumns the columns the surrogates were fitted on, in {@code surrogates} order
     */
    static ImputerSpec from(String uid, StageParams p, String[] surrogateColumns, double[] surrogates) {
        String[][] cols = StageSpec.inOutCols(p);
        double[] mine = new double[cols[0].length];
        for (int i = 0; i < mine.length; i++) {
            int at = java.util.Arrays.asList(surrogateColumns).indexOf(cols[0][i]);
            if (at < 0) {
                throw new UnsupportedStageException("no surrogate for input column '" + cols[0][i] + "'");
            }
            mine[i] = surrogates[at];
        }
        return new ImputerSpec(uid, cols[0], cols[1], mine, p.number("missingValue"));
    }

    @Override
    public Kernel bind(Layout layout) {
        int n = inputCols.length;
        int[] in = new int[n];
        for (int i = 0; i < n; i++) {
            in[i] = layout.scalar(inputCols[i]);
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = layout.write(outputCols[i], Layout.SCALAR);
        }
        return new Imputer(in, out, surrogates.clone(), missingValue, inputCols);
    }

    private record Imputer(int[] in, int[] out, double[] surrogates, double missingValue, String[] names)
            implements Kernel {

        @Override
        public boolean apply(Object[] slots, ColumnType[] types) {
            for (int i = 0; i < in.length; i++) {
                Object v = slots[in[i]];
                ColumnType type = types[in[i]];
                if (v != null && !(v instanceof Number)) {
                    throw new ScoringFailure("Column " + names[i] + " must be of type numeric but was actually of type "
                            + (type == null ? v.getClass().getSimpleName() : type.mlflowName()) + ".");
                }
                double d = v == null ? surrogates[i] : ((Number) v).doubleValue();
                if (v != null && (d == missingValue || Double.isNaN(d) && Double.isNaN(missingValue))) {
                    d = surrogates[i];
                }
                slots[out[i]] = SparkCasts.castBack(d, type == null ? ColumnType.DOUBLE : type, names[i]);
            }
            return true;
        }

        @Override
        public void propagateTypes(ColumnType[] types) {
            for (int i = 0; i < in.length; i++) {
                types[out[i]] = types[in[i]] == null ? ColumnType.DOUBLE : types[in[i]];
            }
        }
    }
}
