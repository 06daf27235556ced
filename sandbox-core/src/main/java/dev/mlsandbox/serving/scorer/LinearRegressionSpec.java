package dev.mlsandbox.serving.scorer;

import dev.mlsandbox.registry.signature.ColumnType;

/** LinearRegressionModel: {@code prediction = coefficients . x + intercept} (squared error or Huber alike). */
record LinearRegressionSpec(String uid, String featuresCol, String predictionCol, double[] coefficients,
                            double intercept) implements StageSpec {

    static LinearRegressionSpec from(String uid, StageParams p, double[] coefficients, double intercept) {
        return new LinearRegressionSpec(uid, p.string("featuresCol"), p.string("predictionCol"), coefficients, intercept);
    }

    @Override
    public String predictionColumn() {
        return predictionCol;
    }

    @Override
    public Kernel bind(Layout layout) {
        int f = layout.vector(featuresCol);
        if (layout.kind(f) != coefficients.length) {
            throw new UnsupportedStageException("it takes " + coefficients.length + " features but column '"
                    + featuresCol + "' has size " + layout.kind(f));
        }
        int out = predictionCol.isEmpty() ? -1 : layout.write(predictionCol, Layout.SCALAR);
        return new Linear(f, out, coefficients.clone(), intercept, featuresCol);
    }

    private record Linear(int features, int out, double[] coefficients, double intercept, String name) implements Kernel {
        @Override
        public boolean apply(Object[] slots, ColumnType[] types) {
            if (out < 0) {
                return true;
            }
            if (!(slots[features] instanceof VectorValue x)) {
                throw new ScoringFailure("the features column " + name + " is null");
            }
            slots[out] = LogisticRegressionSpec.dot(x, coefficients) + intercept;
            return true;
        }
    }
}
