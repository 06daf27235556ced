package dev.mlsandbox.serving.scorer;

import java.util.List;

/**
 * One decision tree as parallel arrays indexed by node id (Spark's pre-order ids, root 0): a
 * row walks from the root with one array read per level and no objects.
 * {@code feature[n] < 0} marks a leaf. A continuous split sends {@code x <= threshold} left; a
 * categorical split keeps Spark's representation, the smaller of the left set and its complement
 * ({@code isLeft} says which), because the two disagree on a category the tree never saw.
 */
record FlatTree(int[] feature, double[] threshold, double[][] categories, boolean[] isLeft, int[] left, int[] right,
                double[] prediction, double[][] stats) {

    /** One node as Spark's {@code NodeData} holds it. */
    record Node(int id, double prediction, double[] impurityStats, int leftChild, int rightChild, int featureIndex,
                double[] leftCategoriesOrThreshold, int numCategories) {
    }

    /** Builds the arrays from nodes numbered 0..n-1 (any order). */
    static FlatTree of(List<Node> nodes) {
        int n = nodes.size();
        int[] feature = new int[n];
        double[] threshold = new double[n];
        double[][] categories = new double[n][];
        boolean[] isLeft = new boolean[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] prediction = new double[n];
        double[][] stats = new double[n][];
        boolean[] seen = new boolean[n];
        for (Node node : nodes) {
            int i = node.id();
            if (i < 0 || i >= n || seen[i]) {
                throw new UnsupportedStageException("tree node ids are not 0.." + (n - 1) + " (id " + i + ")");
            }
            seen[i] = true;
            prediction[i] = node.prediction();
            stats[i] = node.impurityStats();
            left[i] = node.leftChild();
            right[i] = node.rightChild();
            if (node.leftChild() == -1) {
                feature[i] = -1;
            } else {
                feature[i] = node.featureIndex();
                if (node.numCategories() != -1) {
                    double[] leftCategories = node.leftCategoriesOrThreshold();
                    // CategoricalSplit: isLeft = leftCategories.length <= numCategories / 2.
                    isLeft[i] = leftCategories.length <= node.numCategories() / 2;
                    categories[i] = isLeft[i] ? leftCategories.clone() : complement(leftCategories, node.numCategories());
                } else {
                    threshold[i] = node.leftCategoriesOrThreshold()[0];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (feature[i] >= 0 && (left[i] <= i || left[i] >= n || right[i] <= i || right[i] >= n)) {
                throw new UnsupportedStageException("tree node " + i + " points at children " + left[i] + ", " + right[i]);
            }
        }
        return new FlatTree(feature, threshold, categories, isLeft, left, right, prediction, stats);
    }

    private static double[] complement(double[] leftCategories, int numCategories) {
        double[] out = new double[numCategories - leftCategories.length];
        int j = 0;
        for (int c = 0; c < numCategories; c++) {
            if (!contains(leftCategories, c)) {
                if (j == out.length) {
                    throw new UnsupportedStageException("a categorical split lists categories outside 0.." + (numCategories - 1));
                }
                out[j++] = c;
            }
        }
        return j == out.length ? out : java.util.Arrays.copyOf(out, j);
    }

    /** Set membership as Scala's Set[Double] tests it: numeric ==, so NaN is never a member. */
    private static boolean contains(double[] set, double v) {
        for (double c : set) {
            if (c == v) {
                return true;
            }
        }
        return false;
    }

    /** The leaf a row reaches. */
    int leaf(double[] x) {
        int n = 0;
        while (feature[n] >= 0) {
            double v = x[feature[n]];
            double[] cats = categories[n];
            boolean goLeft = cats == null ? v <= threshold[n] : isLeft[n] == contains(cats, v);
            n = goLeft ? left[n] : right[n];
        }
        return n;
    }

    int numNodes() {
        return feature.length;
    }
}
