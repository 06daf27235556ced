package dev.mlsandbox.serving.scorer;

import dev.mlsandbox.registry.signature.ColumnType;

/**
 * VectorAssembler: numbers (cast to double) and vectors laid end to end, built sparse and then
 * given Spark's compressed form. {@code error} fails on a null or a NaN number, {@code keep} writes
 * NaN for a null (as many as the column is long) and keeps NaN numbers, {@code skip} drops a row
 * with a null anywhere or a NaN in a float or double column (Spark's {@code na.drop}).
 */
record VectorAssemblerSpec(String uid, String[] inputCols, String outputCol, HandleInvalid handleInvalid)
        implements StageSpec {

    static VectorAssemblerSpec from(String uid, StageParams p) {
        return new VectorAssemblerSpec(uid, p.strings("inputCols"), p.string("outputCol"),
                HandleInvalid.of(p.string("handleInvalid")));
    }

    @Override
    public Kernel bind(Layout layout) {
        int n = inputCols.length;
        int[] in = new int[n];
        int[] lengths = new int[n];
        boolean[] vector = new boolean[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            in[i] = layout.any(inputCols[i]);
            int kind = layout.kind(in[i]);
            vector[i] = kind != Layout.SCALAR;
            lengths[i] = vector[i] ? kind : 1;
            size += lengths[i];
        }
        int out = layout.write(outputCol, size);
        return new Assembler(in, lengths, vector, size, out, handleInvalid);
    }

    private record Assembler(int[] in, int[] lengths, boolean[] vector, int size, int out, HandleInvalid mode)
            implements Kernel {

        @Override
        public boolean apply(Object[] slots, ColumnType[] types) {
            if (mode == HandleInvalid.SKIP) {
                for (int i = 0; i < in.length; i++) {
                    Object v = slots[in[i]];
                    if (v == null || !vector[i] && SparkCasts.isNaN(v)) {
                        return false;
                    }
                }
            }
            boolean keep = mode == HandleInvalid.KEEP;
            int capacity = 0;
            for (int i = 0; i < in.length; i++) {
                Object v = slots[in[i]];
                capacity += v instanceof VectorValue vec ? vec.numActives() : lengths[i];
            }
            int[] indices = new int[capacity];
            double[] values = new double[capacity];
            int nnz = 0;
            int featureIndex = 0;
            for (int i = 0; i < in.length; i++) {
                Object v = slots[in[i]];
                if (v instanceof VectorValue vec) {
                    if (vec.size() != lengths[i]) {
                        throw new ScoringFailure("VectorAssembler expected a vector of size " + lengths[i]
                                + " but got " + vec.size());
                    }
                    for (int k = 0; k < vec.numActives(); k++) {
                        double x = vec.valueAt(k);
                        if (x != 0.0) {
                            indices[nnz] = featureIndex + vec.indexAt(k);
                            values[nnz++] = x;
                        }
                    }
                } else if (v == null) {
                    if (!keep) {
                        throw new ScoringFailure("Encountered null while assembling a row with handleInvalid = \"error\"."
                                + " Consider removing nulls from dataset or using handleInvalid = \"keep\" or \"skip\".");
                    }
                    for (int j = 0; j < lengths[i]; j++) {
                        indices[nnz] = featureIndex + j;
                        values[nnz++] = Double.NaN;
                    }
                } else {
                    double x = SparkCasts.toDouble(v, "vector assembler input");
                    if (Double.isNaN(x) && !keep) {
                        throw new ScoringFailure("Encountered NaN while assembling a row with handleInvalid = \"error\"."
                                + " Consider removing NaNs from dataset or using handleInvalid = \"keep\" or \"skip\".");
                    }
                    if (x != 0.0) {
                        indices[nnz] = featureIndex;
                        values[nnz++] = x;
                    }
                }
                featureIndex += lengths[i];
            }
            slots[out] = assembled(indices, values, nnz);
            return true;
        }

        /** Spark's {@code Vectors.sparse(...).compressedWithNNZ(nnz)}, without building the sparse vector twice. */
        private VectorValue assembled(int[] indices, double[] values, int nnz) {
            if (VectorValue.sparseBytes(nnz) < VectorValue.denseBytes(size)) {
                return VectorValue.sparse(size, java.util.Arrays.copyOf(indices, nnz), java.util.Arrays.copyOf(values, nnz));
            }
            double[] dense = new double[size];
            for (int k = 0; k < nnz; k++) {
                dense[indices[k]] = values[k];
            }
            return VectorValue.dense(dense);
        }
    }
}
