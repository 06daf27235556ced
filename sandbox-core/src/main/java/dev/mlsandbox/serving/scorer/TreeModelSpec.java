package dev.mlsandbox.serving.scorer;

import dev.mlsandbox.registry.signature.ColumnType;

/**
 * Decision trees, random forests and gradient-boosted trees, for classification and regression,
 * each tree a {@link FlatTree}. The arithmetic follows Spark's models: a tree classifier's raw
 * prediction is its leaf's class counts; a forest's the sum over trees of each leaf's counts
 * divided by their total; GBT's the weighted sum of tree predictions (margin m) as
 * {@code [-m, m]}, with probability {@code 1/(1+e^(-2m))} for class 1 (log loss). Regression: the
 * leaf value, the mean over trees, the weighted sum.
 *
 * @param outputs   classifier columns; for a regressor only {@code featuresCol} and {@code predictionCol} count
 * @param numClasses classes of a classifier, 0 for a regressor
 */
record TreeModelSpec(String uid, Kind kind, ClassifierOutputs outputs, int numFeatures, int numClasses,
                     FlatTree[] trees, double[] weights) implements StageSpec {

    /** The six tree models. */
    enum Kind {
        DECISION_TREE_CLASSIFIER(true), RANDOM_FOREST_CLASSIFIER(true), GBT_CLASSIFIER(true),
        DECISION_TREE_REGRESSOR(false), RANDOM_FOREST_REGRESSOR(false), GBT_REGRESSOR(false);

        final boolean classifier;

        Kind(boolean classifier) {
            this.classifier = classifier;
        }
    }

    static TreeModelSpec from(String uid, Kind kind, StageParams p, int numFeatures, int numClasses, FlatTree[] trees,
                              double[] weights) {
        ClassifierOutputs outputs;
        if (kind.classifier) {
            outputs = ClassifierOutputs.from(p, numClasses);
        } else {
            ClassifierOutputs.rejectLeafCol(p);
            if (!p.string("varianceCol", "").isEmpty()) {
                throw new UnsupportedStageException("varianceCol is set ('" + p.string("varianceCol")
                        + "'); the row scorer does not compute the leaf variance");
            }
            outputs = new ClassifierOutputs(p.string("featuresCol"), "", "", p.string("predictionCol"), null);
        }
        if (kind == Kind.GBT_CLASSIFIER && !"logistic".equals(p.string("lossType", "logistic"))) {
            throw new UnsupportedStageException("GBT lossType '" + p.string("lossType") + "' is not logistic");
        }
        return new TreeModelSpec(uid, kind, outputs, numFeatures, numClasses, trees, weights);
    }

    @Override
    public String predictionColumn() {
        return outputs.predictionCol();
    }

    @Override
    public Kernel bind(Layout layout) {
        if (!kind.classifier) {
            int f = layout.vector(outputs.featuresCol());
            if (layout.kind(f) != numFeatures) {
                throw new UnsupportedStageException("it takes " + numFeatures + " features but column '"
                        + outputs.featuresCol() + "' has size " + layout.kind(f));
            }
            int out = outputs.predictionCol().isEmpty() ? -1 : layout.write(outputs.predictionCol(), Layout.SCALAR);
            return new Regressor(kind, f, out, numFeatures, trees.clone(), weights.clone(), outputs.featuresCol());
        }
        ClassifierOutputs.Bound slots = outputs.bind(layout, numFeatures, numClasses);
        return new Classifier(slots, numFeatures, outputs.thresholds(), kind, numClasses, trees.clone(), weights.clone());
    }

    /** The features as a dense array, for the trees' random access. */
    static double[] dense(VectorValue x) {
        return x.toArray();
    }

    /** Spark's GBT margin: {@code ddot(tree predictions, tree weights)}. */
    static double weightedSum(FlatTree[] trees, double[] weights, double[] x) {
        double sum = 0.0;
        for (int t = 0; t < trees.length; t++) {
            FlatTree tree = trees[t];
            sum += tree.prediction()[tree.leaf(x)] * weights[t];
        }
        return sum;
    }

    private static final class Classifier extends ClassifierKernel {
        private final Kind kind;
        private final int numClasses;
        private final FlatTree[] trees;
        private final double[] weights;

        Classifier(ClassifierOutputs.Bound slots, int numFeatures, double[] thresholds, Kind kind, int numClasses,
                   FlatTree[] trees, double[] weights) {
            super(slots, numFeatures, thresholds);
            this.kind = kind;
            this.numClasses = numClasses;
            this.trees = trees;
            this.weights = weights;
        }

        @Override
        double[] predictRaw(VectorValue features) {
            double[] x = dense(features);
            switch (kind) {
                case DECISION_TREE_CLASSIFIER -> {
                    FlatTree tree = trees[0];
                    return tree.stats()[tree.leaf(x)].clone();
                }
                case RANDOM_FOREST_CLASSIFIER -> {
                    double[] votes = new double[numClasses];
                    for (FlatTree tree : trees) {
                        double[] counts = tree.stats()[tree.leaf(x)];
                        double total = 0.0;
                        for (double c : counts) {
                            total += c;
                        }
                        if (total != 0) {
                            for (int i = 0; i < numClasses; i++) {
                                votes[i] += counts[i] / total;
                            }
                        }
                    }
                    return votes;
                }
                default -> {
                    double m = weightedSum(trees, weights, x);
                    return new double[]{-m, m};
                }
            }
        }

        @Override
        void raw2probabilityInPlace(double[] raw) {
            if (kind == Kind.GBT_CLASSIFIER) {
                raw[0] = 1.0 / (1.0 + Math.exp(-2.0 * raw[0]));
                raw[1] = 1.0 - raw[0];
            } else {
                normalize(raw);
            }
        }

        @Override
        double predict(VectorValue features) {
            if (kind == Kind.DECISION_TREE_CLASSIFIER) {
                double[] x = dense(features);
                return trees[0].prediction()[trees[0].leaf(x)];
            }
            if (kind == Kind.GBT_CLASSIFIER && thresholds == null) {
                return weightedSum(trees, weights, dense(features)) > 0.0 ? 1.0 : 0.0;
            }
            return super.predict(features);
        }
    }

    private record Regressor(Kind kind, int features, int out, int numFeatures, FlatTree[] trees, double[] weights,
                             String name) implements Kernel {
        @Override
        public boolean apply(Object[] slots, ColumnType[] types) {
            if (out < 0) {
                return true;
            }
            if (!(slots[features] instanceof VectorValue v)) {
                throw new ScoringFailure("the features column " + name + " is null");
            }
            if (v.size() != numFeatures) {
                throw new ScoringFailure("the model takes " + numFeatures + " features but column " + name + " has "
                        + v.size());
            }
            double[] x = dense(v);
            slots[out] = switch (kind) {
                case DECISION_TREE_REGRESSOR -> trees[0].prediction()[trees[0].leaf(x)];
                case RANDOM_FOREST_REGRESSOR -> {
                    double sum = 0.0;
                    for (FlatTree tree : trees) {
                        sum += tree.prediction()[tree.leaf(x)];
                    }
                    yield sum / trees.length;
                }
                default -> weightedSum(trees, weights, x);
            };
            return true;
        }
    }
}
