package dev.mlsandbox.cli.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.bundle.SandboxServerFixture;
import dev.mlsandbox.cli.ExitCodes;
import dev.mlsandbox.cli.SandboxCliTest.Run;

/** bundle run: the deployed job, its states streamed, TERMINATED SUCCESS or FAILED, the run record. */
class BundleRunCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsTheDeployedJobAndStreamsItsStates() throws IOException {
        Path root = Files.createDirectories(dir.resolve("bundle"));
        String yaml = """
                bundle: {name: churn}
                resources:
                  jobs:
                    train:
                      name: train
                      parameters: [{name: auc, default: "0.91"}]
                      tasks:
                        - task_key: evaluate
                          spark_jar_task:
                            main_class_name: dev.mlsandbox.bundle.TestTasks$SetValue
                            parameters: [auc, "{{job.parameters.auc}}"]
                          existing_cluster_id: local
                        - task_key: gate
                          depends_on: [{task_key: evaluate}]
                          condition_task: {left: "{{tasks.evaluate.values.auc}}", op: GREATER_THAN_OR_EQUAL, right: "0.9"}
                        - task_key: promote
                          depends_on: [{task_key: gate, outcome: "true"}]
                          spark_jar_task: {main_class_name: dev.mlsandbox.bundle.TestTasks$Succeed}
                          existing_cluster_id: local
                        - task_key: refuse
                          depends_on: [{task_key: gate, outcome: "false"}]
                          spark_jar_task: {main_class_name: dev.mlsandbox.bundle.TestTasks$Fail}
                          existing_cluster_id: local
                """;
        Files.writeString(root.resolve("databricks.yml"), yaml);
        try (SandboxServerFixture server = new SandboxServerFixture(Files.createDirectories(dir.resolve("server")))) {
            String[] where = {"--root", root.toString(), "--user", "jane"};
            Run notDeployed = BundleValidateCommandTest.run("bundle", "run", "train", where[0], where[1], where[2], where[3]);
            assertEquals(ExitCodes.FAILED, notDeployed.exitCode());
            assertTrue(notDeployed.err().contains("job train is not deployed to target default: run 'bin/sandbox bundle deploy"
                    + " -t default' first"), notDeployed.err());

            Run deploy = BundleValidateCommandTest.run("bundle", "deploy", where[0], where[1], where[2], where[3],
                    "--tracking-uri", server.server.uri().toString(), "--password", "jane-pw");
            assertEquals(ExitCodes.OK, deploy.exitCode(), deploy.err());

            Run ok = BundleValidateCommandTest.run("bundle", "run", "train", where[0], where[1], where[2], where[3]);
            assertEquals(ExitCodes.OK, ok.exitCode(), ok.err());
            String out = ok.out().replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ", "T ").replaceAll("\\(\\d+\\.\\d s\\)", "(s)");
            assertEquals("""
                    Run: sandbox run 1 of "train", in this JVM

                    T "train" RUNNING
                    T   task "evaluate" RUNNING
                    T   task "evaluate" TERMINATED SUCCESS (s)
                    T   task "gate" RUNNING
                    T   task "gate" TERMINATED SUCCESS outcome true (s)
                    T   task "promote" RUNNING
                    T   task "promote" TERMINATED SUCCESS (s)
                    T   task "refuse" SKIPPED EXCLUDED condition gate was true and this task is on its false branch
                    T "train" TERMINATED SUCCESS
                    Run record: .databricks/bundle/default/runs/run-1.json
                    """, out);

            Run gated = BundleValidateCommandTest.run("bundle", "run", "train", "--params", "auc=0.7", where[0], where[1],
                    where[2], where[3]);
            assertEquals(ExitCodes.FAILED, gated.exitCode());
            assertTrue(gated.out().contains("\"train\" TERMINATED FAILED Task refuse failed with message: the model did not"
                    + " converge"), gated.out());
            assertTrue(gated.err().startsWith("Task refuse FAILED:\nthe model did not converge\n"), gated.err());
            assertTrue(gated.err().endsWith("Error: run failed: Task refuse failed with message: the model did not converge\n"),
                    gated.err());
            assertTrue(Files.readString(root.resolve(".databricks/bundle/default/runs/run-2.json"))
                    .contains("\"result_state\" : \"FAILED\""));

            // the file changes, the deployed job does not until the next deploy
            Files.writeString(root.resolve("databricks.yml"), yaml.replace("\"0.91\"", "\"0.1\""));
            Run stillDeployed = BundleValidateCommandTest.run("bundle", "run", "train", where[0], where[1], where[2], where[3]);
            assertEquals(ExitCodes.OK, stillDeployed.exitCode(), stillDeployed.out());
        }
    }
}
