package dev.mlsandbox.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.bundle.model.Job;
import dev.mlsandbox.bundle.run.JobRunResult;
import dev.mlsandbox.bundle.run.JobRunner;
import dev.mlsandbox.bundle.run.ResultState;
import dev.mlsandbox.bundle.run.RunListener;
import dev.mlsandbox.bundle.run.TaskRun;

/** A job's task graph run locally: depends_on, run_if, condition branches, task values, the run's result. */
class JobRunnerTest {

    @TempDir
    Path dir;

    private static final String T = "dev.mlsandbox.bundle.TestTasks$";

    private Job job(String tasks) {
        String yaml = "bundle: {name: x}\nresources:\n  jobs:\n    j:\n      name: the job\n"
                + "      parameters: [{name: threshold, default: \"0.75\"}]\n      tasks:\n"
                + tasks.stripIndent().indent(8);
        LoadedBundle b = new BundleFixture(dir).file("databricks.yml", yaml).load();
        return b.orThrow().jobs().get("j");
    }

    private static String jar(String key, String cls, String deps, String extra) {
        return "- task_key: " + key + "\n  spark_jar_task: {main_class_name: " + T + cls + extra + "}\n  existing_cluster_id: local\n"
                + (deps.isEmpty() ? "" : "  depends_on: [" + deps + "]\n");
    }

    private JobRunResult run(Job job, Map<String, String> params, List<String> events) {
        RunListener l = new RunListener() {
            @Override
            public void taskStarted(String taskKey) {
                events.add("start " + taskKey);
            }

            @Override
            public void taskFinished(TaskRun r) {
                events.add(r.taskKey() + " " + r.result());
            }
        };
        return new JobRunner(() -> {
            throw new AssertionError("these tasks need no Spark");
        }, dir.resolve("out"), l).run(job, "7", 1, params);
    }

    private static final String GATED = jar("train", "Succeed", "", "")
            + jar("evaluate", "SetValue", "{task_key: train}", ", parameters: [auc, \"{{job.parameters.threshold}}\"]")
            + """
            - task_key: gate
              depends_on: [{task_key: evaluate}]
              condition_task: {left: "{{tasks.evaluate.values.auc}}", op: GREATER_THAN, right: "0.8"}
            """
            + jar("register", "Succeed", "{task_key: gate, outcome: \"true\"}", "")
            + jar("keep_champion", "Succeed", "{task_key: gate, outcome: \"false\"}", "")
            + jar("report", "Succeed", "{task_key: register}, {task_key: keep_champion}", "").replace("existing_cluster_id",
                    "run_if: NONE_FAILED\n  existing_cluster_id");

    @Test
    void aConditionTaskChoosesTheBranchAndTheOtherIsExcluded() {
        List<String> events = new ArrayList<>();
        JobRunResult low = run(job(GATED), Map.of(), events);
        assertEquals(List.of("start train", "train SUCCESS", "start evaluate", "evaluate SUCCESS", "start gate", "gate SUCCESS",
                "register EXCLUDED", "start keep_champion", "keep_champion SUCCESS", "start report", "report SUCCESS"), events);
        assertEquals("false", low.task("gate").outcome());
        assertEquals("'0.75' GREATER_THAN '0.8' is false", low.task("gate").message());
        assertEquals(ResultState.SUCCESS, low.result());

        JobRunResult high = run(job(GATED), Map.of("threshold", "0.9"), new ArrayList<>());
        assertEquals(ResultState.SUCCESS, high.task("register").result());
        assertEquals(ResultState.EXCLUDED, high.task("keep_champion").result());
        assertEquals(ResultState.SUCCESS, high.task("report").result(), "NONE_FAILED: one ran, none failed");
        assertEquals("0.9", high.task("evaluate").values().get("auc"));
    }

    @Test
    void runIfDecidesAfterAFailure() {
        String tasks = jar("fit", "Fail", "", "") + jar("ok", "Succeed", "", "")
                + jar("deploy", "Succeed", "{task_key: fit}, {task_key: ok}", "")
                + jar("any_success", "Succeed", "{task_key: fit}, {task_key: ok}", "").replace("existing", "run_if: AT_LEAST_ONE_SUCCESS\n  existing")
                + jar("none_failed", "Succeed", "{task_key: fit}, {task_key: ok}", "").replace("existing", "run_if: NONE_FAILED\n  existing")
                + jar("cleanup", "Succeed", "{task_key: deploy}", "").replace("existing", "run_if: ALL_DONE\n  existing")
                + jar("alert", "Succeed", "{task_key: fit}, {task_key: ok}", "").replace("existing", "run_if: AT_LEAST_ONE_FAILED\n  existing")
                + jar("all_failed", "Succeed", "{task_key: fit}, {task_key: ok}", "").replace("existing", "run_if: ALL_FAILED\n  existing");
        JobRunResult r = run(job(tasks), Map.of(), new ArrayList<>());
        assertEquals(ResultState.FAILED, r.task("fit").result());
        assertEquals("the model did not converge", r.task("fit").message());
        assertTrue(r.task("fit").trace().contains("TestTasks$Fail.run"), r.task("fit").trace());
        assertEquals(ResultState.UPSTREAM_FAILED, r.task("deploy").result());
        assertEquals("run_if ALL_SUCCESS not met by its dependencies (fit FAILED, ok SUCCESS)", r.task("deploy").message());
        assertEquals(ResultState.SUCCESS, r.task("any_success").result());
        assertEquals(ResultState.UPSTREAM_FAILED, r.task("none_failed").result());
        assertEquals(ResultState.SUCCESS, r.task("cleanup").result(), "ALL_DONE runs after an upstream failure");
        assertEquals(ResultState.SUCCESS, r.task("alert").result());
        assertEquals(ResultState.EXCLUDED, r.task("all_failed").result());
        assertEquals(ResultState.FAILED, r.result(), "none_failed, a leaf, is upstream-failed");
        assertEquals("Task fit failed with message: the model did not converge", r.stateMessage());
    }

    @Test
    void aFailureOnlyInsideTheGraphIsSuccessWithFailures() {
        String tasks = jar("fit", "Fail", "", "")
                + jar("cleanup", "Succeed", "{task_key: fit}", "").replace("existing", "run_if: ALL_DONE\n  existing");
        assertEquals(ResultState.SUCCESS_WITH_FAILURES, run(job(tasks), Map.of(), new ArrayList<>()).result());
    }

    @Test
    void tasksTheSandboxCannotRunFailSayingWhy() {
        String tasks = """
                - task_key: nb
                  notebook_task: {notebook_path: /Shared/train}
                """ + jar("missing", "NoSuchClass", "", "");
        JobRunResult r = run(job(tasks), Map.of(), new ArrayList<>());
        assertTrue(r.task("nb").message().startsWith("notebook_task is not runnable locally: a notebook runs in a Databricks"
                + " workspace"), r.task("nb").message());
        assertTrue(r.task("missing").message().contains("main class dev.mlsandbox.bundle.TestTasks$NoSuchClass is not on the"
                + " sandbox's classpath"), r.task("missing").message());
        assertEquals(ResultState.FAILED, r.result());
    }

    @Test
    void retriesPlainMainsAndParameters() throws IOException {
        Path marker = dir.resolve("marker");
        Path out = dir.resolve("args.txt");
        String tasks = jar("flaky", "FlakyOnce", "", ", parameters: [\"" + marker + "\"]").replace("existing",
                "max_retries: 1\n  existing") + jar("main", "PlainMain", "{task_key: flaky}",
                ", parameters: [\"" + out + "\", \"{{job.run_id}}\", \"{{task.name}}\", \"{{job.id}}\"]");
        JobRunResult r = run(job(tasks), Map.of(), new ArrayList<>());
        assertEquals(2, r.task("flaky").attempts());
        assertEquals(ResultState.SUCCESS, r.result());
        assertEquals(out + " 1 main 7", Files.readString(out));
        assertThrows(IllegalArgumentException.class, () -> run(job(tasks), Map.of("nope", "1"), new ArrayList<>()));
    }

    @Test
    void anUnknownReferenceFailsTheTask() {
        String tasks = """
                - task_key: gate
                  condition_task: {left: "{{tasks.nothing.values.auc}}", op: EQUAL_TO, right: "1"}
                """;
        JobRunResult r = run(job(tasks), Map.of(), new ArrayList<>());
        assertEquals("{{tasks.nothing.values.auc}}: task 'nothing' has not run before 'gate' (a task reads the values of the"
                + " tasks it depends on)", r.task("gate").message());
    }
}
