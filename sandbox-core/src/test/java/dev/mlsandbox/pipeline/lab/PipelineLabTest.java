package dev.mlsandbox.pipeline.lab;

import dev.mlsandbox.pipeline.AssemblerOutcome;
import dev.mlsandbox.pipeline.HandleInvalidProbe;
import dev.mlsandbox.pipeline.LeakageOutcome;
import dev.mlsandbox.pipeline.PersistenceOutcome;
import dev.mlsandbox.pipeline.PipelineTrace;
import dev.mlsandbox.pipeline.StageTrace;
import dev.mlsandbox.pipeline.TransformCheck;
import dev.mlsandbox.pipeline.UnseenCategoryOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.report.JsonRenderer;
import dev.mlsandbox.report.MarkdownRenderer;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.ReportWriter;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.testing.CheckedProgress;
import dev.mlsandbox.testing.SharedSpark;

/** Runs the lab once, small, and checks what it observed against Spark's documented behaviour. */
class PipelineLabTest {

    private static PipelineLabResult result;

    @BeforeAll
    static void runTheLabOnce() {
        PipelineLabOptions options = PipelineLabOptions.defaults().withRows(1_500).withNumTrees(5).withMaxDepth(4);
        CheckedProgress progress = new CheckedProgress();
        result = new PipelineLab(options).run(new LabContext(SharedSpark.session(), progress));
        progress.assertEveryTaskCompleted();
    }

    @Test
    void studyGuideStagesChangeClassOnlyWhereTheyAreEstimators() {
        PipelineTrace sg = result.studyGuide();
        assertEquals(List.of("StringIndexer", "VectorAssembler", "RandomForestClassifier"),
                sg.stages().stream().map(StageTrace::beforeClass).toList());
        assertEquals(List.of("StringIndexerModel", "VectorAssembler", "RandomForestClassificationModel"),
                sg.stages().stream().map(StageTrace::afterClass).toList());
        assertEquals(List.of("Estimator", "Transformer", "Estimator"), sg.stages().stream().map(StageTrace::beforeKind).toList());
        assertTrue(sg.stages().stream().allMatch(s -> s.afterKind().equals("Transformer")));
        assertEquals(List.of(false, true, false), sg.stages().stream().map(StageTrace::sameObject).toList());
        assertEquals("Pipeline", sg.pipelineClass());
        assertEquals("PipelineModel", sg.modelClass());
        assertTrue(sg.allStagesTransformers());
        assertEquals(2, sg.estimatorCount());
        assertEquals(5, result.treeCount());
        assertTrue(sg.metricValue() > 0.6 && sg.metricValue() <= 1.0, "AUC " + sg.metricValue());
    }

    @Test
    void eachStageAddsItsColumns() {
        List<StageTrace> stages = result.studyGuide().stages();
        assertEquals(List.of("plan_index: double"), stages.get(0).addedColumns());
        assertEquals(List.of("features: vector"), stages.get(1).addedColumns());
        assertEquals(java.util.Set.of("rawPrediction", "probability", "prediction"),
                stages.get(2).addedColumns().stream().map(c -> c.substring(0, c.indexOf(':'))).collect(java.util.stream.Collectors.toSet()));
        assertTrue(stages.get(0).learned().contains("[basic, standard, premium, enterprise]"), stages.get(0).learned());
    }

    @Test
    void featureEngineeringVariantFitsEveryEstimatorIntoItsModel() {
        PipelineTrace fe = result.featureEngineering();
        assertEquals(List.of("StringIndexerModel", "OneHotEncoderModel", "VectorAssembler", "StandardScalerModel",
                "LogisticRegressionModel"), fe.stages().stream().map(StageTrace::afterClass).toList());
        assertEquals(4, fe.estimatorCount());
        assertEquals(result.scalerMean().size(), result.scalerStd().size());
        // 3 + 3 one-hot slots (dropLast) and three numeric columns.
        assertEquals(9, result.coefficients().size());
        // The data say more support calls mean more churn and longer tenure less.
        assertTrue(result.coefficient(ChurnData.CALLS).orElseThrow().perUnit() > 0.2);
        assertTrue(result.coefficient(ChurnData.TENURE).orElseThrow().perUnit() < 0);
    }

    @Test
    void aPipelineIsNotATransformerButItsModelIs() {
        TransformCheck tc = result.transformCheck();
        assertFalse(tc.pipelineIsTransformer());
        assertFalse(tc.pipelineHasTransformMethod());
        assertTrue(tc.modelIsTransformer());
        assertEquals(List.of("Estimator", "PipelineStage"), tc.pipelineAncestry());
        assertTrue(tc.javaCompilerError().contains("cannot find symbol"), tc.javaCompilerError());
        assertTrue(tc.pysparkError().startsWith("AttributeError"));
    }

    @Test
    void unseenCategoryUnderErrorFailsWithSparksMessage() {
        UnseenCategoryOutcome error = result.unseen("error");
        assertTrue(error.failed());
        assertEquals(0, error.rowsOut());
        assertTrue(error.error().contains(HandleInvalidProbe.UNSEEN_PLAN), error.error());
        assertFalse(error.error().contains("\n"));
    }

    @Test
    void unseenCategoryUnderSkipDropsExactlyTheUnseenRowsAndKeepIndexesThemAtNumLabels() {
        UnseenCategoryOutcome skip = result.unseen("skip");
        UnseenCategoryOutcome keep = result.unseen("keep");
        assertFalse(skip.failed());
        assertEquals(PipelineLabOptions.DEFAULT_UNSEEN_ROWS, skip.unseenRows());
        assertEquals(skip.rowsIn() - skip.unseenRows(), skip.rowsOut());
        assertNull(skip.unseenIndex());
        assertFalse(keep.failed());
        assertEquals(keep.rowsIn(), keep.rowsOut());
        assertEquals(4, keep.numLabels());
        assertEquals(4.0, keep.unseenIndex());
    }

    @Test
    void nullAndNaNIntoVectorAssemblerUnderEachMode() {
        for (String kind : List.of("null", "NaN")) {
            AssemblerOutcome error = result.assembler(kind, "error");
            AssemblerOutcome skip = result.assembler(kind, "skip");
            AssemblerOutcome keep = result.assembler(kind, "keep");
            assertTrue(error.failed(), kind);
            assertTrue(error.error().contains(kind), error.error());
            assertEquals(PipelineLabOptions.DEFAULT_INVALID_ROWS, skip.invalidRows());
            assertEquals(skip.rowsIn() - skip.invalidRows(), skip.rowsOut(), kind);
            assertEquals(0, skip.rowsWithNaN());
            assertEquals(keep.rowsIn(), keep.rowsOut(), kind);
            assertEquals(keep.invalidRows(), keep.rowsWithNaN(), kind);
        }
    }

    @Test
    void savedModelLoadsBackWithIdenticalPredictionsAndSparksLayout() {
        PersistenceOutcome saved = result.persistence();
        assertTrue(saved.identical());
        assertEquals(0, saved.mismatches());
        assertEquals(result.studyGuide().testRows(), saved.rowsCompared());
        assertEquals(0.0, saved.maxProbabilityDifference());
        assertEquals("PipelineModel", saved.loadedClass());
        assertTrue(saved.layout().contains("metadata/"), saved.layout().toString());
        assertTrue(saved.layout().contains("stages/"), saved.layout().toString());
        assertEquals(3, saved.stageDirs().size());
        for (int i = 0; i < 3; i++) {
            String dir = saved.stageDirs().get(i);
            assertTrue(dir.matches("stages/" + i + "_" + result.studyGuide().stages().get(i).uid()), dir);
        }
    }

    @Test
    void leakageMovesTheScalersStatisticsTowardsTheShiftedTestRows() {
        LeakageOutcome leak = result.leakage();
        assertTrue(leak.leakyChargesMean() > leak.insideChargesMean() + 1, leak.toString());
        assertTrue(leak.leakyChargesStd() > leak.insideChargesStd(), leak.toString());
        assertEquals(1_500, leak.trainRows() + leak.testRows());
        assertTrue(leak.insideAuc() > 0.5 && leak.leakyAuc() > 0.5, leak.toString());
    }

    @Test
    void reportJsonNamesTheSparkClassesAndTheHandleInvalidCases() {
        Report report = result.report();
        JsonNode json = JsonRenderer.parse(new JsonRenderer().render(report));
        List<String> classes = new ArrayList<>();
        json.get("sparkClasses").forEach(n -> classes.add(n.asText()));
        assertTrue(classes.containsAll(List.of("Pipeline", "PipelineModel", "StringIndexer", "StringIndexerModel",
                "VectorAssembler", "RandomForestClassifier", "RandomForestClassificationModel", "OneHotEncoderModel",
                "StandardScalerModel", "LogisticRegressionModel")), classes.toString());
        List<String> modes = new ArrayList<>();
        json.at("/handleInvalid/stringIndexer").forEach(n -> modes.add(n.get("mode").asText()));
        assertEquals(List.of("error", "skip", "keep"), modes);
        assertEquals(6, json.at("/handleInvalid/vectorAssembler").size());
        assertTrue(json.at("/handleInvalid/stringIndexer/0/failed").asBoolean());
        assertEquals("StringIndexerModel", json.at("/pipelines/0/stages/0/afterClass").asText());
        assertTrue(json.at("/persistence/identical").asBoolean());
        assertEquals(8, report.takeaways().size());
        assertTrue(report.takeaways().stream().anyMatch(t -> t.measure().equals("leakage.aucDifference")));
        String md = new MarkdownRenderer().render(report);
        assertTrue(md.contains("handleInvalid"));
        // Written under target/ so a developer can open what the test saw; the writer is tested elsewhere.
        new ReportWriter().write(report, Path.of("target", "test-reports", PipelineLab.NAME));
    }
}
