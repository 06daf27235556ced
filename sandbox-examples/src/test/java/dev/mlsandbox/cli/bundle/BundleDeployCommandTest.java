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

/** deploy, summary and destroy from the command line, against a server under --auth. */
class BundleDeployCommandTest {

    @TempDir
    Path dir;

    @Test
    void deploySummaryAndDestroyPrintWhatTheCliPrints() throws IOException {
        Path root = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(root.resolve("databricks.yml"), """
                bundle:
                  name: churn
                targets:
                  dev: {mode: development, default: true}
                resources:
                  experiments:
                    exp: {name: /Shared/churn}
                  registered_models:
                    model:
                      catalog_name: main
                      schema_name: ml
                      name: churn
                      grants: [{principal: bob, privileges: [EXECUTE]}]
                  jobs:
                    train:
                      name: train
                      tasks:
                        - task_key: gate
                          condition_task: {left: "1", op: EQUAL_TO, right: "1"}
                """);
        try (SandboxServerFixture server = new SandboxServerFixture(Files.createDirectories(dir.resolve("server")))) {
            String uri = server.server.uri().toString();
            String[] common = {"--root", root.toString(), "--user", "jane", "--tracking-uri", uri, "--password", "jane-pw"};
            Run before = BundleValidateCommandTest.run(concat(new String[]{"bundle", "summary"}, common[0], common[1], common[2],
                    common[3]));
            assertEquals(ExitCodes.OK, before.exitCode(), before.err());
            assertTrue(before.out().contains("""
                    Resources:
                      Experiments:
                        exp:
                          Name: /Shared/[dev jane] churn
                          URL:  (not deployed)
                    """), before.out());

            Run deploy = BundleValidateCommandTest.run(concat(new String[]{"bundle", "deploy"}, common));
            assertEquals(ExitCodes.OK, deploy.exitCode(), deploy.err());
            assertEquals("Deploying to the sandbox server at " + uri + " as jane...\n"
                    + "Created experiments.exp\nCreated registered_models.model\nCreated jobs.train\n"
                    + "Resources: 3 created, 0 changed, 0 deleted, 0 unchanged\n", deploy.out());

            Run again = BundleValidateCommandTest.run(concat(new String[]{"bundle", "deploy"}, common));
            assertTrue(again.out().endsWith("Resources: 0 created, 0 changed, 0 deleted, 3 unchanged\n"), again.out());

            Run summary = BundleValidateCommandTest.run(concat(new String[]{"bundle", "summary"}, common[0], common[1], common[2],
                    common[3]));
            assertTrue(summary.out().contains("      Name: main.ml.dev_jane_churn\n      URL:  " + uri
                    + "/api/2.0/mlflow/registered-models/get?name=main.ml.dev_jane_churn\n"), summary.out());
            assertTrue(summary.out().contains("      Name: [dev jane] train\n      URL:  sandbox job 1 (bin/sandbox bundle run train)"),
                    summary.out());

            Run refused = BundleValidateCommandTest.run(concat(new String[]{"bundle", "destroy"}, common));
            assertEquals(ExitCodes.FAILED, refused.exitCode());
            assertTrue(refused.err().contains("To proceed, use --auto-approve."), refused.err());

            Run destroy = BundleValidateCommandTest.run(concat(new String[]{"bundle", "destroy", "--auto-approve"}, common));
            assertEquals(ExitCodes.OK, destroy.exitCode(), destroy.err());
            assertEquals("""
                    The following resources will be deleted:
                      delete resources.jobs.train
                      delete resources.registered_models.model
                      delete resources.experiments.exp

                    Destroy: 3 deleted
                    """, destroy.out());
            Run none = BundleValidateCommandTest.run(concat(new String[]{"bundle", "destroy", "--auto-approve"}, common));
            assertEquals("No active deployment found to destroy!\n", none.out());
        }
    }

    @Test
    void aDeployRefusedByTheServerChecksPrintsTheCliDiagnostics() throws IOException {
        Path root = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(root.resolve("databricks.yml"), """
                bundle: {name: churn}
                resources:
                  registered_models:
                    model:
                      catalog_name: main
                      schema_name: ml
                      name: churn
                      grants: [{principal: mallory, privileges: [EXECUTE]}]
                """);
        try (SandboxServerFixture server = new SandboxServerFixture(Files.createDirectories(dir.resolve("server")))) {
            Run run = BundleValidateCommandTest.run("bundle", "deploy", "--root", root.toString(), "--user", "jane",
                    "--tracking-uri", server.server.uri().toString(), "--password", "jane-pw");
            assertEquals(ExitCodes.FAILED, run.exitCode());
            assertTrue(run.err().startsWith("Error: grant to unknown principal 'mallory': "), run.err());
            assertTrue(run.err().contains("  at resources.registered_models.model.grants[0].principal\n  in databricks.yml:8:28\n"),
                    run.err());
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
