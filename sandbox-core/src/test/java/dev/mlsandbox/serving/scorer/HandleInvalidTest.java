package dev.mlsandbox.serving.scorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Bucketizer;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.junit.jupiter.api.Test;

import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.testing.SharedSpark;

/**
 * handleInvalid = "skip" drops the same rows as Spark; "error" fails on the same rows, with
 * Spark's message.
 */
class HandleInvalidTest {

    @Test
    void skipDropsTheRowsSparkDrops() {
        PipelineModel model = new Pipeline().setStages(new PipelineStage[]{
                new StringIndexer().setInputCols(new String[]{ChurnData.PLAN, ChurnData.REGION})
                        .setOutputCols(new String[]{"plan_idx", "region_idx"}).setHandleInvalid("skip"),
                new Bucketizer().setInputCol(ChurnData.CHARGES).setOutputCol("charges_bucket").setHandleInvalid("skip")
                        .setSplits(new double[]{Double.NEGATIVE_INFINITY, 60, 90, Double.POSITIVE_INFINITY}),
                new VectorAssembler().setInputCols(new String[]{"plan_idx", "region_idx", ChurnData.TENURE,
                        "charges_bucket"}).setOutputCol("features").setHandleInvalid("skip")})
                .fit(FittedPipelines.training());
        CompiledScorer scorer = RowScorers.compile(model).scorer().orElseThrow();
        List<Object[]> rows = ScoringData.rows(CompiledScorerTest.ROWS, 11L, true);
        SparkComparison.Outcome outcome = SparkComparison.compare(model, scorer, rows);
        // unseen plans and regions, null plans, null/NaN charges and null tenures are all dropped
        assertTrue(outcome.rows() < CompiledScorerTest.ROWS * 0.9, "kept " + outcome.rows());
        assertTrue(outcome.rows() > CompiledScorerTest.ROWS * 0.7, "kept " + outcome.rows());
    }

    @Test
    void errorFailsOnTheRowsSparkFailsOnWithSparksMessage() {
        PipelineModel model = new Pipeline().setStages(new PipelineStage[]{
                new StringIndexer().setInputCol(ChurnData.PLAN).setOutputCol("plan_idx"),
                new OneHotEncoder().setInputCol(ChurnData.CALLS).setOutputCol("calls_vec"),
                new Bucketizer().setInputCol(ChurnData.TENURE).setOutputCol("tenure_bucket")
                        .setSplits(new double[]{0, 12, 24, 100}),
                new VectorAssembler().setInputCols(new String[]{"plan_idx", ChurnData.CHARGES, "calls_vec",
                        "tenure_bucket"}).setOutputCol("features")})
                .fit(FittedPipelines.training().na().drop());
        CompiledScorer compiled = RowScorers.compile(model).scorer().orElseThrow();
        SparkFallbackScorer spark = new SparkFallbackScorer(model, SharedSpark.session());

        Object[] good = {1L, "basic", "north", 10, 50.0, 1, 0.0, 0.0};
        assertEquals(1, compiled.score(ScoringData.input(List.<Object[]>of(good))).size());
        List<Object[]> bad = List.of(
                with(good, 1, "platinum"),      // unseen label
                with(good, 1, null),            // null label
                with(good, 4, Double.NaN),      // NaN in the assembler
                with(good, 4, null),            // null in the assembler
                with(good, 3, 500),             // outside the Bucketizer's splits
                with(good, 5, 40),              // a category index the encoder never saw
                with(good, 5, -1));             // a negative category index
        List<String> messages = new ArrayList<>();
        for (Object[] row : bad) {
            List<Object[]> one = new ArrayList<>();
            one.add(row);
            ScoringFailure fromSpark = assertThrows(ScoringFailure.class, () -> spark.score(ScoringData.input(one)));
            ScoringFailure fromScorer = assertThrows(ScoringFailure.class, () -> compiled.score(ScoringData.input(one)));
            String sparkLine = fromSpark.getMessage().replaceAll("\\s+", " ").strip();
            assertTrue(fromScorer.getMessage().replaceAll("\\s+", " ").startsWith(sparkLine),
                    "Spark: " + fromSpark.getMessage() + "\nscorer: " + fromScorer.getMessage());
            messages.add(fromScorer.getMessage());
        }
        assertTrue(messages.get(0).startsWith("Unseen label: platinum."), messages.get(0));
        assertTrue(messages.get(4).contains("out of Bucketizer bounds"), messages.get(4));
    }

    private static Object[] with(Object[] row, int column, Object value) {
        Object[] copy = row.clone();
        copy[column] = value;
        return copy;
    }
}
