package dev.mlsandbox.serving.scorer;

import dev.mlsandbox.registry.signature.ColumnType;

/**
 * StandardScalerModel: subtract the mean ({@code withMean}) and multiply by 1/std
 * ({@code withStd}; a zero std scales to 0). Centering makes the vector dense; scaling alone keeps
 * a sparse vector sparse; neither hands the vector on as it is, as Spark's
 * {@code getTransformFunc} does.
 */
record StandardScalerSpec(String uid, String inputCol, String outputCol, double[] std, double[] mean, boolean withMean,
                          boolean withStd) implements StageSpec {

    static StandardScalerSpec from(String uid, StageParams p, double[] std, double[] mean) {
        return new StandardScalerSpec(uid, p.string("inputCol"), p.string("outputCol"), std, mean, p.bool("withMean"),
                p.bool("withStd"));
    }

    @Override
    public Kernel bind(Layout layout) {
        int in = layout.vector(inputCol);
        int size = mean.length;
        int inSize = layout.kind(in);
        if (inSize != size) {
            throw new UnsupportedStageException("it was fitted on vectors of size " + size + " but column '" + inputCol
                    + "' has size " + inSize);
        }
        int out = layout.write(outputCol, size);
        double[] scale = new double[size];
        for (int i = 0; i < size; i++) {
            scale[i] = std[i] == 0 ? 0.0 : 1.0 / std[i];
        }
        return new Scaler(in, out, withMean ? mean.clone() : null, withStd ? scale : null, inputCol);
    }

    private record Scaler(int in, int out, double[] shift, double[] scale, String name) implements Kernel {

        @Override
        public boolean apply(Object[] slots, ColumnType[] types) {
            if (!(slots[in] instanceof VectorValue v)) {
                throw new ScoringFailure("StandardScalerModel got a null vector in column " + name);
            }
            slots[out] = transform(v);
            return true;
        }

        private VectorValue transform(VectorValue v) {
            if (shift != null) {
                double[] values = v.toArray();
                for (int i = 0; i < values.length; i++) {
                    values[i] = scale != null ? (values[i] - shift[i]) * scale[i] : values[i] - shift[i];
                }
                return VectorValue.dense(values);
            }
            if (scale == null) {
                return v;
            }
            if (v.isDense()) {
                double[] values = v.values();
                for (int i = 0; i < values.length; i++) {
                    values[i] *= scale[i];
                }
                return VectorValue.dense(values);
            }
            double[] values = v.values();
            for (int k = 0; k < values.length; k++) {
                values[k] *= scale[v.indexAt(k)];
            }
            return VectorValue.sparse(v.size(), v.indices(), values);
        }
    }
}
