package dev.mlsandbox.serving.scorer;

import dev.mlsandbox.registry.signature.ColumnType;

/**
 * What Spark's {@code ProbabilisticClassificationModel.transform} does with one features vector:
 * {@code rawPrediction} from the model, {@code probability} from the raw vector (or straight from
 * the features when no raw column is kept), {@code prediction} from the raw vector, else from the
 * probability, else from the features. Each output column is written only when its param is not
 * empty. Subclasses give the model's own {@code predictRaw}, {@code raw2probabilityInPlace} and
 * the overrides Spark's models have.
 */
abstract class ClassifierKernel implements Kernel {

    private final int features;
    private final int numFeatures;
    private final int raw;
    private final int probability;
    private final int prediction;
    /** Spark's {@code thresholds}, or null when the param is not defined. */
    protected final double[] thresholds;
    private final String name;

    ClassifierKernel(ClassifierOutputs.Bound slots, int numFeatures, double[] thresholds) {
        this.features = slots.features();
        this.raw = slots.raw();
        this.probability = slots.probability();
        this.prediction = slots.prediction();
        this.numFeatures = numFeatures;
        this.thresholds = thresholds;
        this.name = slots.featuresCol();
    }

    abstract double[] predictRaw(VectorValue x);

    abstract void raw2probabilityInPlace(double[] raw);

    /** {@code ClassificationModel.predict}: the prediction of the raw vector. */
    double predict(VectorValue x) {
        return raw2prediction(predictRaw(x));
    }

    double raw2prediction(double[] rawPrediction) {
        if (thresholds == null) {
            return argmax(rawPrediction);
        }
        double[] p = rawPrediction.clone();
        raw2probabilityInPlace(p);
        return probability2prediction(p);
    }

    double probability2prediction(double[] p) {
        if (thresholds == null) {
            return argmax(p);
        }
        int argMax = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            double scaled = p[i] / thresholds[i];
            if (scaled > max) {
                max = scaled;
                argMax = i;
            }
        }
        return argMax;
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public final boolean apply(Object[] slots, ColumnType[] types) {
        if (!(slots[features] instanceof VectorValue x)) {
            throw new ScoringFailure("the features column " + name + " is null");
        }
        if (x.size() != numFeatures) {
            throw new ScoringFailure("the model takes " + numFeatures + " features but column " + name + " has "
                    + x.size());
        }
        double[] r = null;
        if (raw >= 0) {
            r = predictRaw(x);
            slots[raw] = VectorValue.dense(r); // r is only read from here on
        }
        double[] p = null;
        if (probability >= 0) {
            p = r != null ? r.clone() : predictRaw(x);
            raw2probabilityInPlace(p);
            slots[probability] = VectorValue.dense(p);
        }
        if (prediction >= 0) {
            slots[prediction] = r != null ? raw2prediction(r) : p != null ? probability2prediction(p) : predict(x);
        }
        return true;
    }

    /** Spark's {@code normalizeToProbabilitiesInPlace}: divide by the sum. */
    static void normalize(double[] v) {
        double sum = 0.0;
        for (double x : v) {
            if (!(x >= 0)) {
                throw new ScoringFailure("The input raw predictions should be nonnegative.");
            }
            sum += x;
        }
        if (!(sum > 0)) {
            throw new ScoringFailure("Can't normalize the 0-vector.");
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= sum;
        }
    }
}
