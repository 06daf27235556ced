package dev.mlsandbox.serving.scorer;

/**
 * LogisticRegressionModel. Binary: margin {@code m = coefficients . x + intercept}, rawPrediction
 * {@code [-m, m]}, probability {@code [1/(1+e^m), 1 - that]}, prediction by the threshold (Spark
 * compares the margin with {@code log(t/(1-t))}, the probability with {@code t}). Multinomial:
 * margins {@code intercepts + B x}, softmax, argmax (or the thresholds' scaled argmax).
 *
 * @param coefficients row-major, one row per coefficient set (one row when binary)
 */
record LogisticRegressionSpec(String uid, ClassifierOutputs outputs, int numClasses, int numFeatures,
                              double[] intercepts, double[][] coefficients, boolean multinomial,
                              double threshold) implements StageSpec {

    static LogisticRegressionSpec from(String uid, StageParams p, int numClasses, int numFeatures, double[] intercepts,
                                       double[][] coefficients, boolean multinomial) {
        ClassifierOutputs outputs = ClassifierOutputs.from(p, numClasses);
        // Spark's LogisticRegressionModel.getThreshold: from thresholds when set (binary only), else threshold.
        double threshold = Double.NaN;
        if (!multinomial) {
            if (p.isSet("thresholds")) {
                double[] ts = p.doubles("thresholds");
                threshold = 1.0 / (1.0 + ts[0] / ts[1]);
            } else {
                threshold = p.number("threshold");
            }
        }
        return new LogisticRegressionSpec(uid, outputs, numClasses, numFeatures, intercepts, coefficients, multinomial,
                threshold);
    }

    @Override
    public String predictionColumn() {
        return outputs.predictionCol();
    }

    @Override
    public Kernel bind(Layout layout) {
        ClassifierOutputs.Bound slots = outputs.bind(layout, numFeatures, numClasses);
        if (multinomial) {
            double[][] b = new double[coefficients.length][];
            for (int i = 0; i < b.length; i++) {
                b[i] = coefficients[i].clone();
            }
            return new Multinomial(slots, numFeatures, outputs.thresholds(), intercepts.clone(), b);
        }
        // LogisticRegressionModel._binaryThresholds: the probability threshold and the margin threshold.
        double marginThreshold = threshold == 0.0 ? Double.NEGATIVE_INFINITY
                : threshold == 1.0 ? Double.POSITIVE_INFINITY : Math.log(threshold / (1.0 - threshold));
        return new Binary(slots, numFeatures, outputs.thresholds(), coefficients[0].clone(), intercepts[0], threshold,
                marginThreshold);
    }

    /** The dot product as Spark's BLAS.dot takes it: over the stored entries of a sparse x. */
    static double dot(VectorValue x, double[] w) {
        double sum = 0.0;
        for (int k = 0; k < x.numActives(); k++) {
            sum += x.valueAt(k) * w[x.indexAt(k)];
        }
        return sum;
    }

    private static final class Binary extends ClassifierKernel {
        private final double[] coefficients;
        private final double intercept;
        private final double threshold;
        private final double marginThreshold;

        Binary(ClassifierOutputs.Bound slots, int numFeatures, double[] thresholds, double[] coefficients,
               double intercept, double threshold, double marginThreshold) {
            super(slots, numFeatures, thresholds);
            this.coefficients = coefficients;
            this.intercept = intercept;
            this.threshold = threshold;
            this.marginThreshold = marginThreshold;
        }

        private double margin(VectorValue x) {
            return dot(x, coefficients) + intercept;
        }

        @Override
        double[] predictRaw(VectorValue x) {
            double m = margin(x);
            return new double[]{-m, m};
        }

        @Override
        void raw2probabilityInPlace(double[] raw) {
            raw[0] = 1.0 / (1.0 + Math.exp(-raw[0]));
            raw[1] = 1.0 - raw[0];
        }

        @Override
        double raw2prediction(double[] raw) {
            return raw[1] > marginThreshold ? 1.0 : 0.0;
        }

        @Override
        double probability2prediction(double[] p) {
            return p[1] > threshold ? 1.0 : 0.0;
        }

        @Override
        double predict(VectorValue x) {
            double score = 1.0 / (1.0 + Math.exp(-margin(x)));
            return score > threshold ? 1.0 : 0.0;
        }
    }

    private static final class Multinomial extends ClassifierKernel {
        private final double[] intercepts;
        private final double[][] coefficients;

        Multinomial(ClassifierOutputs.Bound slots, int numFeatures, double[] thresholds, double[] intercepts,
                    double[][] coefficients) {
            super(slots, numFeatures, thresholds);
            this.intercepts = intercepts;
            this.coefficients = coefficients;
        }

        @Override
        double[] predictRaw(VectorValue x) {
            double[] m = new double[intercepts.length];
            for (int c = 0; c < m.length; c++) {
                m[c] = intercepts[c] + dot(x, coefficients[c]);
            }
            return m;
        }

        /** Spark's {@code Utils.softmax}: shift by the max, exponentiate, scale by 1/sum. */
        @Override
        void raw2probabilityInPlace(double[] v) {
            double maxValue = -Double.MAX_VALUE;
            for (int i = 0; i < v.length; i++) {
                if (v[i] == Double.POSITIVE_INFINITY) {
                    java.util.Arrays.fill(v, 0.0);
                    v[i] = 1.0;
                    return;
                }
                if (v[i] > maxValue) {
                    maxValue = v[i];
                }
            }
            double sum = 0.0;
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.exp(v[i] - maxValue);
                sum += v[i];
            }
            double inv = 1.0 / sum;
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
    }
}
