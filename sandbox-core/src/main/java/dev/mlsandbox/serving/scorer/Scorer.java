package dev.mlsandbox.serving.scorer;

import java.util.List;

import dev.mlsandbox.serving.InputFrame;

/**
 * Scores request rows with a fitted Spark pipeline. Two implementations: {@link CompiledScorer}
 * (plain Java, no Spark) and {@link SparkFallbackScorer} (the pipeline's own
 * {@code transform} on a small DataFrame), which give the same columns.
 */
public interface Scorer {

    /** The columns the pipeline reads from a request, in the order it first reads them. */
    List<String> inputColumns();

    /** The columns {@code PipelineModel.transform} adds, in the order it appends them. */
    List<String> outputColumns();

    /**
     * The column whose values a scoring response carries: the last predictor's
     * {@code predictionCol} (empty when the pipeline has no predictor).
     */
    String predictionColumn();

    /**
     * Scores the rows. Rows a {@code handleInvalid = "skip"} stage drops are left out, as Spark
     * filters them; {@link ScoredRows#sourceRows} says which input row each result came from.
     *
     * @throws ScoringFailure where Spark's transform would fail (the whole request fails, as a
     *                        Spark job does)
     */
    ScoredRows score(InputFrame frame);

    /** {@code "compiled"} or {@code "spark"}. */
    String engine();
}
