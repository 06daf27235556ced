package dev.mlsandbox.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.bundle.config.Diagnostic;
import dev.mlsandbox.bundle.config.Severity;
import dev.mlsandbox.bundle.model.BundleConfig;

/** Development mode's rewriting and production mode's checks. */
class TargetModeTest {

    @TempDir
    Path dir;

    private static final String BUNDLE = """
            bundle:
              name: churn
            targets:
              dev:
                mode: development
                default: true
              prod:
                mode: production
            resources:
              experiments:
                exp:
                  name: /Users/jane.doe@example.com/churn
              registered_models:
                model:
                  catalog_name: main
                  schema_name: ml
                  name: churn
              model_serving_endpoints:
                endpoint:
                  name: churn-endpoint
              quality_monitors:
                monitor:
                  table_name: main.ml.churn_payload
                  assets_dir: /Shared/monitor
                  output_schema_name: main.ml
                  schedule: {quartz_cron_expression: "0 0 * * * ?", timezone_id: UTC}
              jobs:
                train:
                  name: train
                  tags: {team: ml}
                  schedule: {quartz_cron_expression: "0 0 6 * * ?", timezone_id: UTC}
                  trigger: {periodic: {interval: 1, unit: DAYS}}
                  tasks:
                    - task_key: t
                      condition_task: {left: "1", op: EQUAL_TO, right: "1"}
            """;

    @Test
    void developmentModePrefixesTagsAndPauses() {
        LoadedBundle b = new BundleFixture(dir).file("databricks.yml", BUNDLE).load();
        assertTrue(b.ok(), b.diagnostics().toString());
        BundleConfig c = b.config();
        assertEquals("development", c.mode());
        assertEquals("[dev jane_doe] train", c.jobs().get("train").name());
        assertEquals("jane_doe", c.jobs().get("train").tags().get("dev"));
        assertEquals("ml", c.jobs().get("train").tags().get("team"));
        assertEquals("PAUSED", c.jobs().get("train").schedulePause());
        assertEquals("PAUSED", c.jobs().get("train").triggerPause());
        assertEquals(4, c.jobs().get("train").maxConcurrentRuns());
        assertEquals("/Users/jane.doe@example.com/[dev jane_doe] churn", c.experiments().get("exp").name());
        assertEquals("jane_doe", c.experiments().get("exp").tags().get("dev"));
        assertEquals("dev_jane_doe_churn", c.registeredModels().get("model").name());
        assertEquals("main.ml.dev_jane_doe_churn", c.registeredModels().get("model").fullName());
        assertEquals("dev_jane_doe_churn-endpoint", c.servingEndpoints().get("endpoint").name());
        assertNull(c.qualityMonitors().get("monitor").config().get("schedule"), "monitors cannot pause: the schedule goes");
        assertEquals("/Workspace/Users/jane.doe@example.com/.bundle/churn/dev", c.rootPath());
    }

    @Test
    void productionModeNeedsAnExplicitRootPath() {
        BundleFixture f = new BundleFixture(dir).file("databricks.yml", BUNDLE);
        LoadedBundle b = f.load(f.options().withTarget("prod"));
        Diagnostic d = BundleFixture.find(b, "target with 'mode: production' must set 'workspace.root_path' to make sure only one"
                + " copy is deployed");
        assertEquals(Severity.ERROR, d.severity());
        assertTrue(d.detail().contains("root_path: /Workspace/Users/jane.doe@example.com/.bundle/${bundle.name}/${bundle.target}"));
        assertEquals("databricks.yml:8:11", d.location().toString());

        f.file("databricks.yml", BUNDLE.replace("    mode: production", "    mode: production\n    workspace:\n"
                + "      root_path: /Workspace/Shared/.bundle/${bundle.name}/${bundle.target}"));
        LoadedBundle ok = f.load(f.options().withTarget("prod"));
        assertTrue(ok.ok(), ok.diagnostics().toString());
        BundleConfig c = ok.config();
        assertEquals("train", c.jobs().get("train").name(), "no prefix in production");
        assertEquals("UNPAUSED", c.jobs().get("train").schedulePause());
        assertEquals(1, c.jobs().get("train").maxConcurrentRuns());
        assertEquals("churn", c.registeredModels().get("model").name());
    }

    @Test
    void developmentModeRefusesSharedPathsAndUnpausedTriggers() {
        BundleFixture f = new BundleFixture(dir).file("databricks.yml", BUNDLE.replace("    default: true",
                "    default: true\n    workspace: {root_path: /Shared/churn}\n    presets: {trigger_pause_status: UNPAUSED, name_prefix: \"[team] \"}"));
        LoadedBundle b = f.load();
        assertFalse(b.ok());
        BundleFixture.find(b, "target with 'mode: development' cannot set trigger pause status to UNPAUSED by default");
        assertEquals("databricks.yml:7:28", BundleFixture.find(b, "root_path must start with '~/' or contain the current username")
                .location().toString());
        BundleFixture.find(b, "prefix should contain the current username");
    }
}
