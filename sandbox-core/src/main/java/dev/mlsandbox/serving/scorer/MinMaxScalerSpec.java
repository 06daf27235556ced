package dev.mlsandbox.serving.scorer;

import dev.mlsandbox.registry.signature.ColumnType;

/**
 * MinMaxScalerModel: {@code (x - originalMin) * (max - min) / (originalMax - originalMin) + min}
 * per element; a constant column (zero range) becomes {@code (min + max) / 2}; NaN stays NaN. The
 * result takes Spark's compressed form (zeros can make it sparse).
 */
record MinMaxScalerSpec(String uid, String inputCol, String outputCol, double[] originalMin, double[] originalMax,
                        double min, double max) implements StageSpec {

    static MinMaxScalerSpec from(String uid, StageParams p, double[] originalMin, double[] originalMax) {
        return new MinMaxScalerSpec(uid, p.string("inputCol"), p.string("outputCol"), originalMin, originalMax,
                p.number("min"), p.number("max"));
    }

    @Override
    public Kernel bind(Layout layout) {
        int in = layout.vector(inputCol);
        int n = originalMax.length;
        if (layout.kind(in) != n) {
            throw new UnsupportedStageException("it was fitted on vectors of size " + n + " but column '" + inputCol
                    + "' has size " + layout.kind(in));
        }
        int out = layout.write(outputCol, n);
        double scale = max - min;
        double[] scaleArray = new double[n];
        for (int i = 0; i < n; i++) {
            double range = originalMax[i] - originalMin[i];
            scaleArray[i] = range != 0 ? scale / range : 0.0;
        }
        return new Scaler(in, out, originalMin.clone(), scaleArray, min, (min + max) / 2, inputCol);
    }

    private record Scaler(int in, int out, double[] minArray, double[] scaleArray, double minValue,
                          double constantOutput, String name) implements Kernel {

        @Override
        public boolean apply(Object[] slots, ColumnType[] types) {
            if (!(slots[in] instanceof VectorValue v)) {
                throw new ScoringFailure("MinMaxScalerModel got a null vector in column " + name);
            }
            if (v.size() != minArray.length) {
                throw new ScoringFailure("Number of features must be " + minArray.length + " but got " + v.size());
            }
            double[] values = v.toArray();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    values[i] = scaleArray[i] != 0 ? (values[i] - minArray[i]) * scaleArray[i] + minValue : constantOutput;
                }
            }
            slots[out] = VectorValue.dense(values).compressed();
            return true;
        }
    }
}
