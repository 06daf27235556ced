package dev.mlsandbox.serving.scorer;

import java.util.Arrays;

import dev.mlsandbox.registry.signature.ColumnType;

/**
 * Bucketizer: the bucket of each value (cast to double) among the splits, by binary search;
 * a value equal to the last split falls in the last bucket, one outside the splits fails the row.
 * NaN: {@code keep} puts it in an extra bucket ({@code splits.length - 1}), {@code error} fails,
 * {@code skip} drops the row (as Spark's {@code na.drop} does for nulls too); a null stays null.
 */
record BucketizerSpec(String uid, String[] inputCols, String[] outputCols, double[][] splits,
                      HandleInvalid handleInvalid) implements StageSpec {

    static BucketizerSpec from(String uid, StageParams p) {
        String[][] cols = StageSpec.inOutCols(p);
        double[][] splits = p.isSet("inputCol") ? new double[][]{p.doubles("splits")} : p.doubleMatrix("splitsArray");
        if (splits.length != cols[0].length) {
            throw new UnsupportedStageException("splitsArray has " + splits.length + " entries for " + cols[0].length
                    + " input columns");
        }
        return new BucketizerSpec(uid, cols[0], cols[1], splits, HandleInvalid.of(p.string("handleInvalid")));
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
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = splits[i].clone();
        }
        return new Buckets(in, out, copy, handleInvalid);
    }

    private record Buckets(int[] in, int[] out, double[][] splits, HandleInvalid mode) implements Kernel {

        @Override
        public boolean apply(Object[] slots, ColumnType[] types) {
            if (mode == HandleInvalid.SKIP) {
                for (int slot : in) {
                    Object v = slots[slot];
                    if (v == null || SparkCasts.isNaN(v)) {
                        return false;
                    }
                }
            }
            for (int i = 0; i < in.length; i++) {
                Object v = slots[in[i]];
                slots[out[i]] = v == null ? null : bucket(splits[i], SparkCasts.toDouble(v, "bucketizer input"),
                        mode == HandleInvalid.KEEP);
            }
            return true;
        }

        /** Spark's {@code Bucketizer.binarySearchForBuckets}. */
        static Double bucket(double[] splits, double feature, boolean keepInvalid) {
            if (Double.isNaN(feature)) {
                if (keepInvalid) {
                    return (double) (splits.length - 1);
                }
                throw new ScoringFailure("Bucketizer encountered NaN value. To handle or skip NaNs, try setting"
                        + " Bucketizer.handleInvalid.");
            }
            if (feature == splits[splits.length - 1]) {
                return (double) (splits.length - 2);
            }
            int idx = Arrays.binarySearch(splits, feature);
            if (idx >= 0) {
                return (double) idx;
            }
            int insertPos = -idx - 1;
            if (insertPos == 0 || insertPos == splits.length) {
                throw new ScoringFailure("Feature value " + feature + " out of Bucketizer bounds [" + splits[0] + ", "
                        + splits[splits.length - 1] + "]. Check your features, or loosen the lower/upper bound"
                        + " constraints.");
            }
            return (double) (insertPos - 1);
        }
    }
}
