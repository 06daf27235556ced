package dev.mlsandbox.serving.scorer;

import dev.mlsandbox.registry.signature.ColumnType;

/**
 * OneHotEncoderModel: each input (a category index, cast to double) becomes a sparse vector with a
 * single 1.0. The vector has {@code categorySize} slots, one fewer with {@code dropLast} (the last
 * category is then all zeros), one more with {@code handleInvalid = "keep"} (for invalid values;
 * with both, the invalid slot is the one dropped). A null input gives a null vector, as Spark's
 * UDF does for a primitive argument.
 */
record OneHotEncoderSpec(String uid, String[] inputCols, String[] outputCols, int[] categorySizes, boolean dropLast,
                         boolean keepInvalid) implements StageSpec {

    static OneHotEncoderSpec from(String uid, StageParams p, int[] categorySizes) {
        String[][] cols = StageSpec.inOutCols(p);
        if (categorySizes.length != cols[0].length) {
            throw new UnsupportedStageException("the model holds " + categorySizes.length + " category sizes but has "
                    + cols[0].length + " input columns");
        }
        HandleInvalid mode = HandleInvalid.of(p.string("handleInvalid"));
        if (mode == HandleInvalid.SKIP) {
            throw new UnsupportedStageException("OneHotEncoderModel has no handleInvalid 'skip'");
        }
        return new OneHotEncoderSpec(uid, cols[0], cols[1], categorySizes, p.bool("dropLast"), mode == HandleInvalid.KEEP);
    }

    /** Spark's {@code getConfigedCategorySizes}. */
    int[] vectorSizes() {
        int[] sizes = new int[categorySizes.length];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = !dropLast && keepInvalid ? categorySizes[i] + 1
                    : dropLast && !keepInvalid ? categorySizes[i] - 1 : categorySizes[i];
        }
        return sizes;
    }

    @Override
    public Kernel bind(Layout layout) {
        int n = inputCols.length;
        int[] in = new int[n];
        for (int i = 0; i < n; i++) {
            in[i] = layout.scalar(inputCols[i]);
        }
        int[] sizes = vectorSizes();
        int[] out = new int[n];
        VectorValue[] empty = new VectorValue[n];
        VectorValue[][] ones = new VectorValue[n][];
        for (int i = 0; i < n; i++) {
            out[i] = layout.write(outputCols[i], sizes[i]);
            empty[i] = VectorValue.sparse(sizes[i], new int[0], new double[0]);
            // The few possible outputs are built once; vectors are immutable, so rows can share them.
            ones[i] = new VectorValue[sizes[i]];
            for (int j = 0; j < sizes[i]; j++) {
                ones[i][j] = VectorValue.sparse(sizes[i], new int[]{j}, new double[]{1.0});
            }
        }
        return new Encoder(in, out, categorySizes.clone(), ones, empty, inputCols, keepInvalid);
    }

    private record Encoder(int[] in, int[] out, int[] categorySizes, VectorValue[][] ones, VectorValue[] empty,
                           String[] names, boolean keepInvalid) implements Kernel {

        @Override
        public boolean apply(Object[] slots, ColumnType[] types) {
            for (int i = 0; i < in.length; i++) {
                Object v = slots[in[i]];
                slots[out[i]] = v == null ? null : encode(i, SparkCasts.toDouble(v, names[i]));
            }
            return true;
        }

        private VectorValue encode(int i, double label) {
            int categories = categorySizes[i];
            double idx;
            if (label >= 0 && label < categories) {
                idx = label;
            } else if (keepInvalid) {
                idx = categories;
            } else if (label < 0) {
                throw new ScoringFailure("Negative value: " + label + ". Input can't be negative. To handle invalid"
                        + " values, set Param handleInvalid to keep (column " + names[i] + ")");
            } else {
                throw new ScoringFailure("Unseen value: " + label + ". To handle unseen values, set Param"
                        + " handleInvalid to keep. (column " + names[i] + ")");
            }
            // idx < size compares the double, as Spark does; 2.5 with size 3 is slot 2.
            return idx < ones[i].length ? ones[i][(int) idx] : empty[i];
        }
    }
}
