package dev.mlsandbox.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.bundle.deploy.SandboxApi;
import dev.mlsandbox.registry.RegistryMode;
import dev.mlsandbox.registry.model.MlmodelFile;
import dev.mlsandbox.registry.server.AuthConfig;
import dev.mlsandbox.registry.server.RegistryOptions;
import dev.mlsandbox.registry.server.RegistryServer;
import dev.mlsandbox.registry.signature.ColumnSpec;
import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.registry.signature.Schema;
import dev.mlsandbox.tracking.TrackingServer;

/**
 * A sandbox server with the registry under --auth on a free port: admin, jane (in ml-team) and
 * bob; catalog main and schema main.ml, where ml-team may create models. Passwords are
 * {@code <user>-pw}.
 */
public final class SandboxServerFixture implements AutoCloseable {

    final Path dir;
    public final TrackingServer server;

    public SandboxServerFixture(Path dir) {
        this.dir = dir;
        Path artifacts = dir.resolve("artifacts");
        AuthConfig auth = AuthConfig.builder("admin", "admin-pw").user("jane", "jane-pw").user("bob", "bob-pw")
                .group("ml-team", "jane").build();
        TrackingServer.Builder b = TrackingServer.builder().port(0).backendStoreUri("sqlite:///" + dir.resolve("mlruns.db"))
                .artifactsDestination(artifacts);
        RegistryServer.install(b, new RegistryOptions(RegistryMode.UNITY_CATALOG, artifacts, auth));
        server = b.build().start();
        SandboxApi admin = api("admin");
        admin.post("/api/2.1/unity-catalog/catalogs", SandboxApi.body().put("name", "main"));
        admin.post("/api/2.1/unity-catalog/schemas", SandboxApi.body().put("catalog_name", "main").put("name", "ml"));
        sql("GRANT USE CATALOG ON CATALOG main TO `ml-team`");
        sql("GRANT USE SCHEMA, CREATE MODEL ON SCHEMA main.ml TO `ml-team`");
    }

    public SandboxApi api(String user) {
        return new SandboxApi(server.uri(), user, user + "-pw");
    }

    public void sql(String statement) {
        api("admin").post("/api/2.0/sql/statements", SandboxApi.body().put("statement", statement));
    }

    public JsonNode model(String name) {
        return api("admin").get("/api/2.0/mlflow/registered-models/get", "name", name).path("registered_model");
    }

    public JsonNode experimentByName(String name) {
        return api("admin").get("/api/2.0/mlflow/experiments/get-by-name", "experiment_name", name).path("experiment");
    }

    public JsonNode grants(String model) {
        return api("admin").get("/api/2.1/unity-catalog/permissions/function/" + model).path("privilege_assignments");
    }

    /** Registers a version of {@code model} (as admin) from a signed MLmodel directory. */
    public long registerVersion(String model) throws IOException {
        Path d = Files.createTempDirectory(dir, "model");
        Schema in = Schema.of(ColumnSpec.required("x", ColumnType.DOUBLE));
        Schema out = Schema.of(ColumnSpec.required("prediction", ColumnType.DOUBLE));
        new MlmodelFile("model", null, "2024-01-01 00:00:00.000000", MlmodelFile.MLFLOW_VERSION, "0".repeat(32),
                Map.of("spark", Map.of("model_data", "sparkml")), new ModelSignature(in, out), null).write(d);
        return api("admin").post("/api/2.0/mlflow/model-versions/create", SandboxApi.body().put("name", model)
                .put("source", d.toUri().toString())).path("model_version").path("version").asLong();
    }

    @Override
    public void close() {
        server.close();
    }
}
