package dev.mlsandbox.serving.scorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.feature.Binarizer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.testing.SharedSpark;

/** A stage the row scorer cannot compile sends the whole model to Spark, and the report says which and why. */
class FallbackTest {

    static PipelineModel withBinarizer() {
        return new Pipeline().setStages(new PipelineStage[]{
                new Binarizer().setInputCol(ChurnData.CHARGES).setOutputCol("high_charges").setThreshold(70),
                new VectorAssembler().setInputCols(new String[]{ChurnData.TENURE, ChurnData.CALLS, "high_charges"})
                        .setOutputCol("features"),
                new LogisticRegression().setLabelCol(ChurnData.LABEL).setMaxIter(5)})
                .fit(FittedPipelines.training().na().drop());
    }

    @Test
    void anUnsupportedStageFallsBackToSparkAndTheReportNamesIt(@TempDir Path tmp) throws IOException {
        PipelineModel model = withBinarizer();
        LoadedScorer loaded = Scorers.of(model, SharedSpark.session());
        assertFalse(loaded.sparkFree());
        assertEquals("spark", loaded.scorer().engine());
        CompileReport report = loaded.report();
        CompileReport.StageReport stage = report.unsupported().orElseThrow();
        assertEquals(0, stage.index());
        assertEquals("Binarizer", stage.simpleClass());
        assertTrue(stage.reason().startsWith("Binarizer has no row-level implementation here (supported: StringIndexerModel,"),
                stage.reason());
        assertEquals(List.of(CompileReport.Status.UNSUPPORTED, CompileReport.Status.NOT_COMPILED,
                CompileReport.Status.NOT_COMPILED), report.stages().stream().map(CompileReport.StageReport::status).toList());
        assertTrue(report.summary().startsWith("runs on Spark: stage 0 Binarizer (" + model.stages()[0].uid()
                + ") cannot be compiled"), report.summary());

        List<Object[]> rows = CompiledScorerTest.clean(ScoringData.rows(300, 8L, false));
        SparkComparison.Outcome outcome = SparkComparison.compare(model, loaded.scorer(), rows);
        assertEquals(rows.size(), outcome.rows());
        assertEquals("prediction", loaded.scorer().predictionColumn());

        // From disk the same: Spark is asked for only now, because a stage needs it.
        Path dir = tmp.resolve("binarizer");
        model.write().save(dir.toString());
        boolean[] asked = {false};
        LoadedScorer fromDisk = Scorers.load(dir, () -> {
            asked[0] = true;
            return SharedSpark.session();
        });
        assertTrue(asked[0]);
        assertEquals(stage.reason(), fromDisk.report().unsupported().orElseThrow().reason());
        assertEquals(outcome.rows(), fromDisk.scorer().score(ScoringData.input(rows)).size());
    }

    @Test
    void aSupportedModelNeverAsksForSpark(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("study-guide");
        FittedPipelines.studyGuide().write().save(dir.toString());
        LoadedScorer loaded = Scorers.load(dir, () -> {
            throw new AssertionError("a compiled model must not ask for a SparkSession");
        });
        assertTrue(loaded.sparkFree());
        assertEquals("compiled: 3 stages score without Spark", loaded.report().summary());
    }

    @Test
    void theFallbackScorerMatchesTheCompiledOne() {
        PipelineModel model = FittedPipelines.studyGuide();
        List<Object[]> rows = CompiledScorerTest.clean(ScoringData.rows(500, 9L, false));
        SparkComparison.compare(model, new SparkFallbackScorer(model, SharedSpark.session()), rows);
        assertEquals(NoSparkProbe.format(RowScorers.compile(model).scorer().orElseThrow().score(ScoringData.input(rows))),
                NoSparkProbe.format(new SparkFallbackScorer(model, SharedSpark.session()).score(ScoringData.input(rows))));
    }

    @Test
    void aParamTheScorerDoesNotComputeIsAReasonToo() {
        PipelineModel model = new Pipeline().setStages(new PipelineStage[]{
                new VectorAssembler().setInputCols(new String[]{ChurnData.TENURE, ChurnData.CALLS}).setOutputCol("features"),
                (RandomForestClassifier) new RandomForestClassifier().setLabelCol(ChurnData.LABEL).setNumTrees(2)
                        .setMaxDepth(2).setLeafCol("leaves")}).fit(FittedPipelines.training().na().drop());
        CompileReport report = RowScorers.compile(model).report();
        assertEquals("leafCol is set ('leaves'); the row scorer does not compute leaf indices",
                report.unsupported().orElseThrow().reason());
    }
}
