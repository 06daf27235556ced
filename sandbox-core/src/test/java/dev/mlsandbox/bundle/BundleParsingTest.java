package dev.mlsandbox.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.bundle.config.Diagnostic;
import dev.mlsandbox.bundle.config.Severity;
import dev.mlsandbox.bundle.model.BundleConfig;
import dev.mlsandbox.bundle.model.RunIf;
import dev.mlsandbox.bundle.model.TaskKind;

/** databricks.yml parsing and validation: the CLI's messages, each with file:line:column and the path. */
class BundleParsingTest {

    @TempDir
    Path dir;

    private static final String MINIMAL = """
            bundle:
              name: churn
            resources:
              experiments:
                churn_exp:
                  name: /Shared/churn
              jobs:
                train:
                  name: train churn
                  tasks:
                    - task_key: fit
                      spark_jar_task:
                        main_class_name: dev.mlsandbox.examples.PipelineExample
                      existing_cluster_id: local
                    - task_key: gate
                      depends_on:
                        - task_key: fit
                      condition_task:
                        left: "1"
                        op: GREATER_THAN
                        right: "0"
            """;

    @Test
    void aValidBundleLoadsWithTheCliHeader() {
        LoadedBundle b = new BundleFixture(dir).file("databricks.yml", MINIMAL).load();
        assertTrue(b.ok(), b.diagnostics().toString());
        assertEquals("Validation OK!", b.trailer());
        assertEquals("""
                Name: churn
                Target: default
                Workspace:
                  User: jane.doe@example.com
                  Path: /Workspace/Users/jane.doe@example.com/.bundle/churn/default
                """, b.header());
        BundleConfig c = b.config();
        assertEquals(2, c.jobs().get("train").tasks().size());
        assertEquals(RunIf.ALL_SUCCESS, c.jobs().get("train").task("gate").runIf());
        assertEquals(new TaskKind.Condition("1", "GREATER_THAN", "0"), c.jobs().get("train").task("gate").kind());
        assertEquals("/Shared/churn", c.experiments().get("churn_exp").name());
    }

    @Test
    void unknownKeysAreWarningsAtTheKeyWithTheEnclosingPath() {
        LoadedBundle b = new BundleFixture(dir).file("databricks.yml", MINIMAL.replace("      spark_jar_task:",
                "      tasks_key: oops\n          spark_jar_task:")).load();
        Diagnostic d = BundleFixture.find(b, "unknown field: tasks_key");
        assertEquals(Severity.WARNING, d.severity());
        assertEquals("resources.jobs.train.tasks[0]", d.path().toString());
        assertEquals("databricks.yml:12:11", d.location().toString());
        assertTrue(b.ok());
        assertEquals("Found 1 warning", b.trailer());
        assertEquals("""
                Warning: unknown field: tasks_key
                  at resources.jobs.train.tasks[0]
                  in databricks.yml:12:11

                """, d.render());
    }

    @Test
    void wrongTypesAreWarningsAtTheValue() {
        LoadedBundle b = new BundleFixture(dir).file("databricks.yml", """
                bundle:
                  name: x
                resources:
                  jobs:
                    j:
                      max_concurrent_runs: many
                      tasks: "not a list"
                """).load();
        Diagnostic seq = BundleFixture.find(b, "expected sequence, found string");
        assertEquals("resources.jobs.j.tasks", seq.path().toString());
        assertEquals("databricks.yml:7:14", seq.location().toString());
        Diagnostic integer = BundleFixture.find(b, "cannot parse \"many\" as an integer");
        assertEquals("databricks.yml:6:28", integer.location().toString());
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeysAreErrorsWithPositions() {
        LoadedBundle broken = new BundleFixture(dir).file("databricks.yml", "bundle:\n  name: [x\n").load();
        assertFalse(broken.ok());
        Diagnostic syntax = broken.diagnostics().get(0);
        assertTrue(syntax.summary().startsWith("yaml: "), syntax.summary());
        assertEquals("databricks.yml", syntax.location().file());

        LoadedBundle dup = new BundleFixture(dir).file("databricks.yml", "bundle:\n  name: a\n  name: b\n").load();
        Diagnostic d = BundleFixture.find(dup, "mapping key \"name\" already defined at line 2");
        assertEquals("databricks.yml:3:3", d.location().toString());
    }

    @Test
    void yamlOnePointTwoKeepsYesAsAString() {
        LoadedBundle b = new BundleFixture(dir).file("databricks.yml", """
                bundle:
                  name: yes
                variables:
                  flag:
                    default: on
                """).load();
        assertEquals("yes", b.config().name());
        assertEquals("on", b.config().variables().get("flag"));
    }

    @Test
    void includesMergeByGlobAndAKeyDefinedTwiceIsAnError() {
        BundleFixture f = new BundleFixture(dir).file("databricks.yml", """
                bundle:
                  name: x
                include:
                  - resources/*.yml
                """).file("resources/a.yml", """
                resources:
                  experiments:
                    exp_a:
                      name: /Shared/a
                """).file("resources/b.yml", """
                resources:
                  experiments:
                    exp_b:
                      name: /Shared/b
                """);
        LoadedBundle ok = f.load();
        assertTrue(ok.ok(), ok.diagnostics().toString());
        assertEquals(java.util.List.of("databricks.yml", "resources/a.yml", "resources/b.yml"), ok.files());
        assertEquals(java.util.Set.of("exp_a", "exp_b"), ok.config().experiments().keySet());

        f.file("resources/c.yml", """
                resources:
                  jobs:
                    exp_a:
                      name: clash
                """);
        Diagnostic d = BundleFixture.find(f.load(), "multiple resources or scripts have been defined with the same key: exp_a");
        assertEquals("resources/a.yml:3:5", d.locations().get(0).toString());
        assertEquals("resources/c.yml:3:5", d.locations().get(1).toString());
    }

    @Test
    void includeErrorsNameTheEntry() {
        LoadedBundle missing = new BundleFixture(dir).file("databricks.yml", """
                bundle:
                  name: x
                include:
                  - nothing.yml
                """).load();
        Diagnostic d = BundleFixture.find(missing, "nothing.yml defined in 'include' section does not match any files");
        assertEquals("include[0]", d.path().toString());
        assertEquals("databricks.yml:4:5", d.location().toString());

        LoadedBundle nested = new BundleFixture(dir).file("databricks.yml", """
                bundle:
                  name: x
                include: [more.yml]
                """).file("more.yml", "include: [other.yml]\n").load();
        assertEquals("more.yml:1:1", BundleFixture.find(nested, "Include section is defined outside root file").location().toString());
    }

    @Test
    void aModeOtherThanDevelopmentOrProductionIsAnError() {
        LoadedBundle b = new BundleFixture(dir).file("databricks.yml", """
                bundle:
                  name: x
                targets:
                  dev:
                    mode: staging
                """).load();
        Diagnostic d = BundleFixture.find(b, "unsupported value 'staging' specified for 'mode': must be either 'development' or 'production'");
        assertTrue(d.isError());
        assertEquals("databricks.yml:5:11", d.location().toString());
        assertNull(b.config());
    }

    @Test
    void theTaskGraphIsCheckedWithPositions() {
        LoadedBundle b = new BundleFixture(dir).file("databricks.yml", """
                bundle:
                  name: x
                resources:
                  jobs:
                    j:
                      tasks:
                        - task_key: a
                          depends_on: [{task_key: c}]
                          condition_task: {left: "1", op: EQUAL_TO, right: "1"}
                        - task_key: b
                          depends_on: [{task_key: a}]
                          condition_task: {left: "1", op: EQUAL_TO, right: "1"}
                        - task_key: c
                          depends_on: [{task_key: b}, {task_key: trian}]
                          condition_task: {left: "1", op: EQUAL_TO, right: "1"}
                """).load();
        Diagnostic cycle = BundleFixture.find(b, "depends_on forms a cycle in job 'j'");
        assertEquals("depends_on forms a cycle in job 'j': a -> b -> c -> a", cycle.summary());
        assertEquals("resources.jobs.j.tasks[1].depends_on", cycle.path().toString());
        assertNotNull(cycle.location());
        Diagnostic missing = BundleFixture.find(b, "task 'c' depends on 'trian', which is not a task of job 'j'");
        assertEquals("databricks.yml:14:50", missing.location().toString());
        assertEquals("resources.jobs.j.tasks[2].depends_on[1].task_key", missing.path().toString());
    }

    @Test
    void enumsRequiredFieldsAndComputeAreCheckedLikeTheCli() {
        LoadedBundle b = new BundleFixture(dir).file("databricks.yml", """
                bundle:
                  name: x
                resources:
                  jobs:
                    j:
                      tasks:
                        - task_key: a
                          spark_jar_task: {main_class_name: x.Y}
                        - task_key: b
                          run_if: ALL_SUCEESS
                          depends_on: [{task_key: a}]
                          condition_task: {left: "1", op: EQUAL_TO}
                """).load();
        Diagnostic en = BundleFixture.find(b, "invalid value \"ALL_SUCEESS\" for enum field. Valid values are [ALL_SUCCESS");
        assertEquals("resources.jobs.j.tasks[1].run_if", en.path().toString());
        assertEquals("databricks.yml:10:19", en.location().toString());
        Diagnostic req = BundleFixture.find(b, "required field \"right\" is not set");
        assertEquals("resources.jobs.j.tasks[1].condition_task", req.path().toString());
        Diagnostic compute = BundleFixture.find(b, "Missing required cluster or environment settings");
        assertTrue(compute.isError());
        assertTrue(compute.detail().contains("Task \"a\" requires a cluster or an environment to run."));
    }

    @Test
    void targetSelectionFollowsTheCli() {
        BundleFixture f = new BundleFixture(dir).file("databricks.yml", """
                bundle:
                  name: x
                targets:
                  dev: {}
                  prod: {}
                """);
        assertEquals("please specify target", f.load().diagnostics().get(0).summary());
        assertEquals("qa: no such target. Available targets: dev, prod",
                f.load(f.options().withTarget("qa")).diagnostics().get(0).summary());
        assertEquals("prod", f.load(f.options().withTarget("prod")).target());
        f.file("databricks.yml", """
                bundle:
                  name: x
                targets:
                  dev: {default: true}
                  prod: {}
                """);
        assertEquals("dev", f.load().target());
    }
}
