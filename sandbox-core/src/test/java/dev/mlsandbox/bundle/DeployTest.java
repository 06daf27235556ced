package dev.mlsandbox.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.bundle.config.Diagnostic;
import dev.mlsandbox.bundle.deploy.Applied;
import dev.mlsandbox.bundle.deploy.DeployContext;
import dev.mlsandbox.bundle.deploy.DeployFailedException;
import dev.mlsandbox.bundle.deploy.DeployResult;
import dev.mlsandbox.bundle.deploy.Deployer;
import dev.mlsandbox.bundle.deploy.DeploymentState;
import dev.mlsandbox.bundle.deploy.Planned;
import dev.mlsandbox.bundle.deploy.ResourceDeployer;
import dev.mlsandbox.bundle.deploy.ResourceDeployers;
import dev.mlsandbox.bundle.deploy.SandboxApi;
import dev.mlsandbox.bundle.deploy.StateEntry;
import dev.mlsandbox.bundle.model.BundleConfig;
import dev.mlsandbox.bundle.model.ResourceKey;

/** Deploy and destroy against a real sandbox server under --auth. */
class DeployTest {

    @TempDir
    Path dir;

    SandboxServerFixture server;
    BundleFixture bundle;

    static final String BUNDLE = """
            bundle:
              name: churn
            variables:
              comment: {default: first}
            targets:
              dev:
                mode: development
                default: true
              prod:
                mode: production
                workspace: {root_path: /Workspace/Shared/.bundle/churn/prod}
            resources:
              experiments:
                exp:
                  name: /Shared/churn
              registered_models:
                model:
                  catalog_name: main
                  schema_name: ml
                  name: churn
                  comment: ${var.comment}
                  grants:
                    - principal: bob
                      privileges: [EXECUTE]
              jobs:
                train:
                  name: train
                  parameters: [{name: experiment_id, default: "${resources.experiments.exp.id}"}]
                  tasks:
                    - task_key: gate
                      condition_task: {left: "${resources.registered_models.model.name}", op: EQUAL_TO, right: x}
            """;

    @BeforeEach
    void start() throws IOException {
        server = new SandboxServerFixture(Files.createDirectories(dir.resolve("server")));
        bundle = new BundleFixture(Files.createDirectories(dir.resolve("bundle"))).file("databricks.yml", BUNDLE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private BundleConfig config(String target, String... vars) {
        LoadedBundle b = bundle.load(bundle.options().withUser("jane").withTarget(target).withVars(List.of(vars)));
        return b.orThrow();
    }

    private DeployResult deploy(BundleConfig c) {
        return Deployer.standard().deploy(c, bundle.dir(), server.api("jane"));
    }

    @Test
    void aSecondDeployReportsEveryResourceUnchanged() {
        BundleConfig prod = config("prod");
        DeployResult first = deploy(prod);
        assertEquals(List.of("Created experiments.exp", "Created registered_models.model", "Created jobs.train"),
                first.changeLines());
        assertEquals("Resources: 3 created, 0 changed, 0 deleted, 0 unchanged", first.summary());
        assertEquals("active", server.experimentByName("/Shared/churn").path("lifecycle_stage").asText());
        assertEquals("first", server.model("main.ml.churn").path("description").asText());
        assertEquals("bob", server.grants("main.ml.churn").get(0).path("principal").asText());

        DeploymentState state = DeploymentState.read(DeploymentState.file(bundle.dir(), "prod"));
        String expId = server.experimentByName("/Shared/churn").path("experiment_id").asText();
        JsonNode job = state.entry(new ResourceKey("jobs", "train")).spec();
        assertEquals(expId, job.path("parameters").get(0).path("default").asText(), "${resources...id} resolved at deploy");
        assertEquals("main.ml.churn", job.path("tasks").get(0).path("condition_task").path("left").asText());

        DeployResult second = deploy(config("prod"));
        assertEquals("Resources: 0 created, 0 changed, 0 deleted, 3 unchanged", second.summary());
        assertEquals(List.of(), second.changeLines());

        DeployResult third = deploy(config("prod", "comment=second"));
        assertEquals(List.of("Updated registered_models.model"), third.changeLines());
        assertEquals("second", server.model("main.ml.churn").path("description").asText());
    }

    @Test
    void developmentModeDeploysPrefixedNames() {
        deploy(config("dev"));
        assertEquals("active", server.experimentByName("/Shared/[dev jane] churn").path("lifecycle_stage").asText());
        assertEquals("main.ml.dev_jane_churn", server.model("main.ml.dev_jane_churn").path("name").asText());
    }

    @Test
    void aGrantToAnUnknownPrincipalStopsTheDeployBeforeAnythingChanges() {
        bundle.file("databricks.yml", BUNDLE.replace("principal: bob", "principal: carol"));
        BundleException e = assertThrows(BundleException.class, () -> deploy(config("prod")));
        Diagnostic d = e.errors().get(0);
        assertTrue(d.summary().startsWith("grant to unknown principal 'carol'"), d.summary());
        assertEquals("databricks.yml:23:22", d.location().toString());
        assertEquals("resources.registered_models.model.grants[0].principal", d.path().toString());
        assertThrows(RuntimeException.class, () -> server.experimentByName("/Shared/churn"), "nothing was created");
        assertFalse(Files.exists(DeploymentState.file(bundle.dir(), "prod")));
    }

    @Test
    void anAliasOnAVersionThatDoesNotExistIsAnErrorAtTheAlias() throws IOException {
        deploy(config("prod"));
        String withAlias = BUNDLE.replace("      grants:", "      aliases:\n        - {alias_name: champion, version_num: 1}\n"
                + "      grants:");
        bundle.file("databricks.yml", withAlias);
        BundleException e = assertThrows(BundleException.class, () -> deploy(config("prod")));
        assertEquals("alias 'champion' points at version 1 of main.ml.churn, which does not exist", e.errors().get(0).summary());
        assertEquals("databricks.yml:23:11", e.errors().get(0).location().toString());

        server.registerVersion("main.ml.churn");
        assertEquals(List.of("Updated registered_models.model"), deploy(config("prod")).changeLines());
        JsonNode aliases = server.model("main.ml.churn").path("aliases");
        assertEquals("champion", aliases.get(0).path("alias").asText());
    }

    @Test
    void aFailedDeployLeavesThePreviousDeploymentAsItWas() throws IOException {
        deploy(config("prod"));
        Path stateFile = DeploymentState.file(bundle.dir(), "prod");
        String stateBefore = Files.readString(stateFile);
        // the next deploy changes the model, adds an experiment, then fails at the jobs
        bundle.file("databricks.yml", BUNDLE.replace("  registered_models:", "    exp2:\n      name: /Shared/churn-2\n"
                + "  registered_models:"));
        List<ResourceDeployer> failing = new ArrayList<>(ResourceDeployers.standard().subList(0, 4));
        failing.add(new FailingJobs());
        DeployFailedException e = assertThrows(DeployFailedException.class, () -> new Deployer(failing)
                .deploy(config("prod", "comment=changed"), bundle.dir(), server.api("jane")));
        assertTrue(e.getMessage().startsWith("deploy failed at jobs.train: the jobs service is down; the previous deployment"
                + " was restored"), e.getMessage());
        assertEquals("first", server.model("main.ml.churn").path("description").asText());
        assertEquals("deleted", server.experimentByName("/Shared/churn-2").path("lifecycle_stage").asText());
        assertEquals(stateBefore, Files.readString(stateFile));
        // and the same deploy goes through once the failure is gone (the deleted experiment is restored)
        DeployResult ok = deploy(config("prod", "comment=changed"));
        assertEquals(List.of("Created experiments.exp2", "Updated registered_models.model"), ok.changeLines());
    }

    @Test
    void destroyRemovesWhatDeployCreated() {
        BundleConfig prod = config("prod");
        deploy(prod);
        Deployer deployer = Deployer.standard();
        assertEquals(List.of(new ResourceKey("jobs", "train"), new ResourceKey("registered_models", "model"),
                new ResourceKey("experiments", "exp")), deployer.destroyPlan(bundle.dir(), "prod"));
        DeployResult r = deployer.destroy(prod, bundle.dir(), server.api("jane"));
        assertEquals(3, r.count(dev.mlsandbox.bundle.deploy.DeployAction.Kind.DELETE));
        assertEquals("deleted", server.experimentByName("/Shared/churn").path("lifecycle_stage").asText());
        assertThrows(RuntimeException.class, () -> server.model("main.ml.churn"));
        assertFalse(Files.exists(DeploymentState.file(bundle.dir(), "prod")));
        assertNull(deployer.destroy(prod, bundle.dir(), server.api("jane")), "nothing left to destroy");
        // deploying again restores the experiment and recreates the model
        assertEquals("Resources: 3 created, 0 changed, 0 deleted, 0 unchanged", deploy(prod).summary());
    }

    @Test
    void aResourceDeletedOnTheServerIsCreatedAgain() {
        deploy(config("prod"));
        String id = server.experimentByName("/Shared/churn").path("experiment_id").asText();
        server.api("admin").post("/api/2.0/mlflow/experiments/delete", SandboxApi.body().put("experiment_id", id));
        DeployResult r = deploy(config("prod"));
        assertEquals(List.of("Created experiments.exp"), r.changeLines());
    }

    /** A jobs deployer whose service is down. */
    private static final class FailingJobs implements ResourceDeployer {
        @Override
        public String type() {
            return "jobs";
        }

        @Override
        public void check(DeployContext ctx, dev.mlsandbox.bundle.config.Diagnostics d) {
        }

        @Override
        public Planned plan(DeployContext ctx, ResourceKey key, dev.mlsandbox.bundle.config.MapValue resolved) {
            return new Planned("x", dev.mlsandbox.http.Json.mapper().createObjectNode().put("changed", true));
        }

        @Override
        public Applied create(DeployContext ctx, ResourceKey key, Planned planned) {
            throw new IllegalStateException("the jobs service is down");
        }

        @Override
        public Applied update(DeployContext ctx, StateEntry deployed, Planned planned) {
            throw new IllegalStateException("the jobs service is down");
        }

        @Override
        public Applied delete(DeployContext ctx, StateEntry deployed) {
            throw new IllegalStateException("the jobs service is down");
        }

        @Override
        public boolean exists(DeployContext ctx, StateEntry deployed) {
            return true;
        }

        @Override
        public String url(SandboxApi api, StateEntry deployed) {
            return "";
        }
    }
}
