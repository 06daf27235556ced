package dev.mlsandbox.cli.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.cli.ExitCodes;
import dev.mlsandbox.cli.SandboxCliTest;
import dev.mlsandbox.cli.SandboxCliTest.Run;

class BundleValidateCommandTest {

    static Run run(String... args) {
        return SandboxCliTest.run(args);
    }

    @TempDir
    Path dir;

    @Test
    void validatePrintsWhatTheDatabricksCliPrints() throws IOException {
        Files.writeString(dir.resolve("databricks.yml"), """
                bundle:
                  name: churn
                workspace:
                  host: https://example.cloud.databricks.com
                targets:
                  dev:
                    mode: development
                    default: true
                resources:
                  experiments:
                    exp:
                      name: /Shared/churn
                """);
        Run ok = run("bundle", "validate", "--root", dir.toString(), "--user", "ada@example.com");
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.err());
        assertEquals("""
                Name: churn
                Target: dev
                Workspace:
                  Host: https://example.cloud.databricks.com
                  User: ada@example.com
                  Path: /Workspace/Users/ada@example.com/.bundle/churn/dev

                Validation OK!
                """, ok.out());
        assertEquals("", ok.err());

        Files.writeString(dir.resolve("databricks.yml"), Files.readString(dir.resolve("databricks.yml"))
                .replace("      name: /Shared/churn", "      name: /Shared/churn\n      nmae: typo"));
        Run warned = run("bundle", "validate", "--root", dir.toString(), "--user", "ada@example.com");
        assertEquals(ExitCodes.OK, warned.exitCode());
        assertTrue(warned.out().endsWith("\nFound 1 warning\n"), warned.out());
        assertEquals("""
                Warning: unknown field: nmae
                  at resources.experiments.exp
                  in databricks.yml:13:7

                """, warned.err());
        Run strict = run("bundle", "validate", "--strict", "--root", dir.toString(), "--user", "ada@example.com");
        assertEquals(ExitCodes.FAILED, strict.exitCode());
        assertTrue(strict.err().contains("1 warning was found. Warnings are not allowed in strict mode"), strict.err());

        Run badTarget = run("bundle", "validate", "-t", "qa", "--root", dir.toString());
        assertEquals(ExitCodes.FAILED, badTarget.exitCode());
        assertTrue(badTarget.err().contains("Error: qa: no such target. Available targets: dev\n"), badTarget.err());
        assertEquals("Name: churn\n\nFound 1 error and 1 warning\n", badTarget.out());
    }

    @Test
    void jsonOutputIsTheResolvedConfiguration() throws IOException {
        Files.writeString(dir.resolve("databricks.yml"), """
                bundle: {name: x}
                variables: {n: {default: 3}}
                resources:
                  jobs:
                    j: {name: "job ${var.n}", max_concurrent_runs: "${var.n}"}
                """);
        Run run = run("bundle", "validate", "-o", "json", "--root", dir.toString(), "--user", "u");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"name\" : \"job 3\""), run.out());
        assertTrue(run.out().contains("\"max_concurrent_runs\" : 3"), run.out());
    }
}
