package dev.mlsandbox.tuning.lab;

import dev.mlsandbox.tuning.LayoutComparison;
import dev.mlsandbox.tuning.Sweeps;
import dev.mlsandbox.tuning.TuningGrid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.report.JsonRenderer;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.ReportWriter;
import dev.mlsandbox.testing.CheckedProgress;
import dev.mlsandbox.testing.SharedSpark;

/** The whole lab on tiny options: the result, the report and report.json's documented keys. */
class TuningLabTest {

    private static final TuningGrid TWO_MAPS = TuningGrid.of(
            new TuningGrid.Axis("regParam", List.of(0.01, 0.3)));
    private static TuningLabResult result;

    @BeforeAll
    static void run() {
        TuningLabOptions options = TuningLabOptions.defaults().withRows(300).withFolds(2).withGrid(TWO_MAPS)
                .withStabilitySeeds(2).withMaxIter(3).withParallelism(1);
        CheckedProgress progress = new CheckedProgress();
        result = new TuningLab(options).run(new LabContext(SharedSpark.session(), progress));
        progress.assertEveryTaskCompleted();
    }

    @Test
    void theResultHoldsMeasuredCountsThatMatchTheFormulas() {
        assertEquals(2 * 2 + 1, result.crossValidation().fits());
        assertEquals(2 + 1, result.trainValidation().fits());
        assertEquals(2, result.stability().runs().size());
        Sweeps sweeps = result.sweepsIfRun().orElseThrow();
        for (List<Sweeps.Point> points : List.of(sweeps.dataSize(), sweeps.gridSize(), sweeps.parallelism())) {
            assertFalse(points.isEmpty());
            points.forEach(p -> assertEquals(p.expectedFits(), p.fits(), p.toString()));
        }
        assertEquals(List.of(1, 2), sweeps.parallelism().stream().map(Sweeps.Point::parallelism).toList());
        assertEquals(2 * sweeps.collectSubModels().gridSize(), sweeps.collectSubModels().subModels());
        // Both are SizeEstimator walks that include the shared session, so only their being measured is
        // certain here; which is larger depends on the session's state (see TuningLab.retainedBytes).
        assertTrue(sweeps.collectSubModels().bytesWith() > 0 && sweeps.collectSubModels().bytesWithout() > 0);
        LayoutComparison layouts = result.layouts();
        assertEquals(result.crossValidation().fits(), layouts.pipelineInValidator().fits(), "same formula, both layouts");
        assertTrue(layouts.validatorInPipeline() == result.crossValidation(), "the headline run is the validator in the pipeline");
        assertEquals(2, layouts.gridSize());
        assertTrue(layouts.encodeSeconds() > 0 && layouts.speedup() > 0);
    }

    @Test
    void reportJsonHasTheDocumentedKeys(@TempDir Path dir) throws Exception {
        Report report = result.report();
        new ReportWriter().write(report, dir);
        JsonNode json = JsonRenderer.parse(Files.readString(dir.resolve("report.json")));
        assertEquals("tuning", json.get("lab").asText());

        JsonNode cv = json.get("crossValidator");
        assertEquals(5, cv.get("fits").asInt());
        assertTrue(cv.get("seconds").asDouble() > 0);
        JsonNode cvMap = cv.get("paramMaps").get(0);
        assertTrue(cvMap.get("params").has("regParam"));
        assertEquals(2, cvMap.get("foldMetrics").size());
        assertTrue(cvMap.has("mean") && cvMap.has("std"));

        JsonNode tvs = json.get("trainValidationSplit");
        assertEquals(3, tvs.get("fits").asInt());
        assertTrue(tvs.get("paramMaps").get(0).get("params").has("regParam"));
        assertTrue(tvs.get("paramMaps").get(0).has("metric"));

        JsonNode stability = json.get("selectionStability");
        assertEquals(2, stability.get("seeds").asInt());
        for (String key : List.of("crossValidator", "trainValidationSplit")) {
            double fraction = stability.get(key).asDouble();
            assertTrue(fraction >= 0.5 && fraction <= 1.0, key + " " + fraction);
        }
        JsonNode sweeps = json.get("sweeps");
        assertTrue(sweeps.get("dataSize").size() >= 4);
        JsonNode layouts = json.get("layouts");
        assertEquals(5, layouts.get("pipelineInValidator").get("fits").asInt());
        assertEquals(5, layouts.get("validatorInPipeline").get("fits").asInt());
        assertEquals(2, layouts.get("gridSize").asInt());
        assertTrue(layouts.has("encodeSeconds") && layouts.has("speedup") && layouts.has("sameChoice"));
        assertEquals(sweeps.get("dataSize").get(0).get("expectedFits"), sweeps.get("dataSize").get(0).get("fits"));
        assertTrue(json.get("takeaways").size() >= 5);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<svg"));
    }

    @Test
    void takeawaysCarryTheMeasuredNumbers() {
        Report report = result.report();
        assertTrue(report.takeaways().get(0).text().startsWith("CrossValidator fitted 5 models = 2 folds x 2 maps + 1 refit"),
                report.takeaways().get(0).text());
        assertEquals(5.0, report.takeaways().get(0).value());
    }
}
