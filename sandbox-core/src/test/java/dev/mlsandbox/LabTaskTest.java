package dev.mlsandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.bundle.BundleLoader;
import dev.mlsandbox.bundle.BundleOptions;
import dev.mlsandbox.bundle.model.Job;
import dev.mlsandbox.bundle.run.JobRunResult;
import dev.mlsandbox.bundle.run.JobRunner;
import dev.mlsandbox.bundle.run.ResultState;
import dev.mlsandbox.bundle.run.RunListener;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.testing.CheckedProgress;
import dev.mlsandbox.testing.SharedSpark;

/** A bundle task that runs a lab of the catalog with its parameters. */
class LabTaskTest {

    @TempDir
    Path dir;

    private Job job(String parameters) throws Exception {
        Files.writeString(dir.resolve("databricks.yml"), """
                bundle: {name: labs}
                resources:
                  jobs:
                    j:
                      tasks:
                        - task_key: pipeline
                          existing_cluster_id: local
                          spark_jar_task:
                            main_class_name: dev.mlsandbox.LabTask
                            parameters: %s
                """.formatted(parameters));
        return BundleLoader.load(new BundleOptions(dir, null, java.util.List.of(), Map.of(), "jane")).orThrow().jobs().get("j");
    }

    @Test
    void aLabParameterTheLabRefusesFailsTheTaskBeforeSparkStarts() throws Exception {
        JobRunResult r = new JobRunner(() -> {
            throw new AssertionError("no Spark for a refused parameter");
        }, dir.resolve("out"), RunListener.NONE).run(job("[pipeline, \"rows=5\"]"), "1", 1, Map.of());
        assertEquals(ResultState.FAILED, r.result());
        assertTrue(r.task("pipeline").message().contains("rows"), r.task("pipeline").message());
    }

    @Test
    void theLabRunsWithItsParametersAndReportsWhereItsReportIs() throws Exception {
        CheckedProgress progress = new CheckedProgress();
        JobRunResult r = new JobRunner(() -> new LabContext(SharedSpark.session(), progress), dir.resolve("out"),
                RunListener.NONE).run(job("[pipeline, \"rows=600\", \"numTrees=3\", \"maxDepth=3\", \"seed=7\"]"), "1", 1, Map.of());
        assertEquals(ResultState.SUCCESS, r.result(), r.task("pipeline").message() + r.task("pipeline").trace());
        progress.assertEveryTaskCompleted();
        assertEquals("pipeline", r.task("pipeline").values().get("lab"));
        Path report = Path.of(r.task("pipeline").values().get("report"));
        assertEquals(dir.resolve("out/run-1/pipeline"), report);
        assertTrue(Files.isRegularFile(report.resolve("report.json")));
        assertTrue(Files.readString(report.resolve("report.json")).contains("600"));
    }
}
