package dev.mlsandbox.serving.scorer;

/**
 * The columns a classifier reads and writes: {@code featuresCol}, and {@code rawPredictionCol},
 * {@code probabilityCol}, {@code predictionCol} (each skipped when set to the empty string, as in
 * Spark), plus {@code thresholds} when defined.
 */
record ClassifierOutputs(String featuresCol, String rawCol, String probabilityCol, String predictionCol,
                         double[] thresholds) {

    static ClassifierOutputs from(StageParams p, int numClasses) {
        rejectLeafCol(p);
        double[] thresholds = p.isDefined("thresholds") ? p.doubles("thresholds") : null;
        if (thresholds != null && thresholds.length != numClasses) {
            throw new UnsupportedStageException("thresholds has " + thresholds.length + " values for " + numClasses
                    + " classes (Spark's transform refuses it too)");
        }
        return new ClassifierOutputs(p.string("featuresCol"), p.string("rawPredictionCol", ""),
                p.string("probabilityCol", ""), p.string("predictionCol"), thresholds);
    }

    /** {@code leafCol} (tree models) adds leaf indices, which the row scorer does not compute. */
    static void rejectLeafCol(StageParams p) {
        if (!p.string("leafCol", "").isEmpty()) {
            throw new UnsupportedStageException("leafCol is set ('" + p.string("leafCol")
                    + "'); the row scorer does not compute leaf indices");
        }
    }

    /** The slots, -1 for a column not written. */
    record Bound(String featuresCol, int features, int raw, int probability, int prediction) {
    }

    Bound bind(Layout layout, int numFeatures, int numClasses) {
        int f = layout.vector(featuresCol);
        if (layout.kind(f) != numFeatures) {
            throw new UnsupportedStageException("it takes " + numFeatures + " features but column '" + featuresCol
                    + "' has size " + layout.kind(f));
        }
        int r = rawCol.isEmpty() ? -1 : layout.write(rawCol, numClasses);
        int pr = probabilityCol.isEmpty() ? -1 : layout.write(probabilityCol, numClasses);
        int pd = predictionCol.isEmpty() ? -1 : layout.write(predictionCol, Layout.SCALAR);
        return new Bound(featuresCol, f, r, pr, pd);
    }
}
