package dev.mlsandbox.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.bundle.config.Diagnostic;
import dev.mlsandbox.bundle.model.BundleConfig;

/** ${...} substitution and the CLI's variable precedence. */
class BundleSubstitutionTest {

    @TempDir
    Path dir;

    private BundleFixture fixture() {
        return new BundleFixture(dir).file("databricks.yml", """
                bundle:
                  name: churn
                variables:
                  catalog:
                    description: where models go
                    default: main
                  runs:
                    default: 3
                  schema:
                    description: required, no default
                targets:
                  dev:
                    variables:
                      catalog: dev_catalog
                  prod:
                    workspace:
                      root_path: /Shared/.bundle/${bundle.name}/${bundle.target}
                resources:
                  registered_models:
                    model:
                      catalog_name: ${var.catalog}
                      schema_name: ${var.schema}
                      name: churn_${bundle.target}
                      comment: "by ${workspace.current_user.short_name} (${workspace.current_user.userName}) in ${workspace.root_path}"
                  jobs:
                    train:
                      name: train ${var.catalog}
                      max_concurrent_runs: ${var.runs}
                      tasks:
                        - task_key: t
                          condition_task: {left: "${resources.registered_models.model.name}", op: EQUAL_TO, right: x}
                """);
    }

    @Test
    void precedenceIsVarThenEnvironmentThenFileThenTargetThenDefault() {
        BundleFixture f = fixture();
        BundleOptions dev = f.options().withTarget("dev");
        // no value anywhere for schema: the CLI's error
        Diagnostic missing = BundleFixture.find(f.load(dev), "no value assigned to required variable schema");
        assertEquals("no value assigned to required variable schema. Variables are usually assigned in databricks.yml, and"
                + " they can be overridden using \"--var\", the BUNDLE_VAR_schema environment variable, or"
                + " .databricks/bundle/<target>/variable-overrides.json", missing.summary());
        assertEquals("databricks.yml:9:3", missing.location().toString());

        BundleOptions withSchema = dev.withVars(List.of("schema=ml"));
        assertEquals("dev_catalog", model(f.load(withSchema)).catalogName(), "the target's value beats the default");
        assertEquals("main", model(f.load(withSchema.withTarget("prod"))).catalogName(), "the default");

        f.file(".databricks/bundle/dev/variable-overrides.json", "{\"catalog\": \"file_catalog\"}");
        assertEquals("file_catalog", model(f.load(withSchema)).catalogName(), "the overrides file beats the target");

        BundleOptions env = withSchema.withEnv(Map.of("BUNDLE_VAR_catalog", "env_catalog"));
        assertEquals("env_catalog", model(f.load(env)).catalogName(), "BUNDLE_VAR_x beats the file");

        BundleOptions flag = env.withVars(List.of("schema=ml", "catalog=flag_catalog"));
        assertEquals("flag_catalog", model(f.load(flag)).catalogName(), "--var beats everything");
    }

    @Test
    void builtInReferencesResolveAndPureReferencesKeepTheirType() {
        LoadedBundle b = fixture().load(fixture().options().withTarget("prod").withVars(List.of("schema=ml")));
        assertTrue(b.ok(), b.diagnostics().toString());
        BundleConfig c = b.config();
        assertEquals("churn_prod", c.registeredModels().get("model").name());
        assertEquals("/Shared/.bundle/churn/prod", c.rootPath());
        assertEquals("by jane_doe (jane.doe@example.com) in /Shared/.bundle/churn/prod", c.registeredModels().get("model").comment());
        assertEquals("train main", c.jobs().get("train").name());
        assertEquals(3, c.jobs().get("train").maxConcurrentRuns());
        // resource references wait for deploy
        assertEquals("${resources.registered_models.model.name}",
                ((dev.mlsandbox.bundle.model.TaskKind.Condition) c.jobs().get("train").task("t").kind()).left());
    }

    @Test
    void missingReferencesAndCyclesAreErrorsWithPositions() {
        BundleFixture f = new BundleFixture(dir).file("databricks.yml", """
                bundle:
                  name: x
                variables:
                  host: {default: h}
                  a: {default: "${var.b}"}
                  b: {default: "${var.a}"}
                resources:
                  experiments:
                    e:
                      name: /Shared/${var.hst}
                  jobs:
                    j:
                      description: ${resources.jobs.nope.id}
                """);
        LoadedBundle b = f.load();
        assertFalse(b.ok());
        Diagnostic typo = BundleFixture.find(b, "reference does not exist: ${var.hst}");
        assertEquals("did you mean:\n  ${var.host}", typo.detail());
        assertEquals("databricks.yml:10:13", typo.location().toString());
        assertEquals("resources.experiments.e.name", typo.path().toString());
        Diagnostic cycle = BundleFixture.find(b, "cycle detected in field resolution");
        assertTrue(cycle.summary().contains("var.a -> var.b -> var.a") || cycle.summary().contains("var.b -> var.a -> var.b"),
                cycle.summary());
        Diagnostic resource = BundleFixture.find(b, "reference does not exist: ${resources.jobs.nope.id}");
        assertEquals("databricks.yml:13:20", resource.location().toString());
    }

    @Test
    void commandLineVariablesMustBeDefined() {
        BundleFixture f = fixture();
        LoadedBundle b = f.load(f.options().withVars(List.of("nope=1", "broken")).withTarget("dev"));
        BundleFixture.find(b, "variable nope has not been defined");
        BundleFixture.find(b, "unexpected flag value for variable assignment: broken");
        f.file("databricks.yml", """
                bundle: {name: x}
                variables: {a: {default: 1}}
                targets:
                  t:
                    variables: {b: 2}
                """);
        BundleFixture.find(f.load(), "failed to perform target override for target=t: variable b is not defined but is assigned a value");
    }

    private static dev.mlsandbox.bundle.model.RegisteredModel model(LoadedBundle b) {
        assertTrue(b.ok(), b.diagnostics().toString());
        return b.config().registeredModels().get("model");
    }
}
