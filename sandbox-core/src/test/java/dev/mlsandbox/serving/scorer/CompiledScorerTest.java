package dev.mlsandbox.serving.scorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.junit.jupiter.api.Test;

import dev.mlsandbox.spark.ChurnData;

/**
 * The compiled scorer against Spark's own transform, 10,000 seeded rows each, with unseen
 * categories, null and NaN values where the stages handle them.
 */
class CompiledScorerTest {

    static final int ROWS = 10_000;

    @Test
    void everyStageMatchesSparkOnTenThousandRows() {
        PipelineModel model = FittedPipelines.everyStage();
        CompileResult result = RowScorers.compile(model);
        assertTrue(result.report().compiled(), result.report().summary());
        CompiledScorer scorer = result.scorer().orElseThrow();
        // every listed stage type is in the pipeline
        Set<String> classes = java.util.Arrays.stream(model.stages()).map(Transformer::getClass).map(Class::getName)
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(Stages.SUPPORTED), classes);

        List<Object[]> rows = ScoringData.rows(ROWS, 99L, true);
        SparkComparison.Outcome outcome = SparkComparison.compare(model, scorer, rows);
        assertEquals(ROWS, outcome.rows());
        assertEquals(List.of(ChurnData.PLAN, ChurnData.REGION, ChurnData.CALLS, ChurnData.CHARGES, ChurnData.TENURE),
                scorer.inputColumns());
        assertEquals("gbtr_prediction", scorer.predictionColumn());
        System.out.println("largest differences from Spark: " + outcome.maxDifference());
    }

    @Test
    void theStudyGuidePipelineMatchesSpark() {
        PipelineModel model = FittedPipelines.studyGuide();
        CompiledScorer scorer = RowScorers.compile(model).scorer().orElseThrow();
        List<Object[]> rows = clean(ScoringData.rows(ROWS, 123L, false));
        SparkComparison.Outcome outcome = SparkComparison.compare(model, scorer, rows);
        assertEquals(rows.size(), outcome.rows());
        assertEquals(List.of("plan_index", "features", "rawPrediction", "probability", "prediction"), scorer.outputColumns());
    }

    @Test
    void theFeatureEngineeringPipelineMatchesSpark() {
        PipelineModel model = FittedPipelines.featureEngineering();
        CompiledScorer scorer = RowScorers.compile(model).scorer().orElseThrow();
        assertEquals(5, scorer.stageCount());
        List<Object[]> rows = clean(ScoringData.rows(ROWS, 321L, false));
        SparkComparison.Outcome outcome = SparkComparison.compare(model, scorer, rows);
        assertEquals(rows.size(), outcome.rows());
    }

    /** Rows without nulls or NaNs, which the lab pipelines (handleInvalid = "error") refuse. */
    static List<Object[]> clean(List<Object[]> rows) {
        return rows.stream().filter(r -> r[1] != null && r[3] != null && r[4] != null && !((Double) r[4]).isNaN()).toList();
    }
}
