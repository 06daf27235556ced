package dev.mlsandbox.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

import dev.mlsandbox.registry.RegistryMode;
import dev.mlsandbox.registry.server.RegistryFixture.Reply;
import dev.mlsandbox.testing.StoreBackend;

/**
 * {@code --auth}: basic auth names the principal, unknown users get 401, missing privileges 403
 * naming privilege and securable, grants through SQL and the UC permissions endpoint.
 * Passwords in the fixture are {@code <user>-pw}.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class RegistryAuthTest {
    @Parameter
    StoreBackend backend;

    static final String RM = "/api/2.0/mlflow/registered-models";
    static final String MV = "/api/2.0/mlflow/model-versions";
    static final String PERMS = "/api/2.1/unity-catalog/permissions";

    static RegistryFixture fx;

    @BeforeParameterizedClassInvocation
    static void start(StoreBackend backend) throws Exception {
        AuthConfig auth = AuthConfig.builder("admin", "admin-pw").user("alice", "alice-pw").user("bob", "bob-pw")
                .user("carol", "carol-pw").group("ml-team", "alice").group("data-scientists", "bob").build();
        fx = new RegistryFixture(backend, RegistryMode.UNITY_CATALOG, auth);
        ok(fx.call("POST", "/api/2.1/unity-catalog/catalogs", Map.of("name", "main"), "admin"));
        ok(fx.call("POST", "/api/2.1/unity-catalog/schemas", Map.of("catalog_name", "main", "name", "ml"), "admin"));
        ok(sql("admin", "GRANT USE CATALOG ON CATALOG main TO `ml-team`"));
        ok(sql("admin", "GRANT USE SCHEMA, CREATE MODEL ON SCHEMA main.ml TO `ml-team`"));
        ok(fx.call("POST", RM + "/create", Map.of("name", "main.ml.churn"), "alice"));
        ok(fx.call("POST", MV + "/create", Map.of("name", "main.ml.churn", "source",
                fx.modelDir("churn", true).toUri().toString()), "alice"));
        ok(fx.call("POST", RM + "/alias", Map.of("name", "main.ml.churn", "alias", "champion", "version", "1"), "alice"));
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        // fx is null when the back end was skipped
        if (fx != null) {
            fx.close();
            fx = null;
        }
    }

    static Reply sql(String user, String statement) throws Exception {
        return fx.call("POST", "/api/2.0/sql/statements", Map.of("statement", statement), user);
    }

    static Reply ok(Reply r) {
        assertEquals(200, r.status(), r.body().toString());
        return r;
    }

    @Test
    void unknownUsersAndWrongPasswordsGet401() throws Exception {
        Reply anonymous = fx.call("GET", RM + "/get?name=main.ml.churn", null, null);
        assertEquals(401, anonymous.status());
        assertEquals("UNAUTHENTICATED", anonymous.errorCode());
        assertEquals(401, fx.call("GET", RM + "/get?name=main.ml.churn", null, "mallory").status());
        MlflowClient wrong = new MlflowClient(new BasicMlflowHostCreds(fx.server.uri().toString(), "bob", "nope"));
        MlflowHttpException e = assertThrows(MlflowHttpException.class, () -> wrong.getRegisteredModel("main.ml.churn"));
        assertEquals(401, e.getStatusCode());
        wrong.close();
    }

    @Test
    void aPrincipalWithoutUseSchemaThenWithGrantsThenRevoked() throws Exception {
        MlflowClient bob = new MlflowClient(new BasicMlflowHostCreds(fx.server.uri().toString(), "carol", "carol-pw"));
        MlflowHttpException e = assertThrows(MlflowHttpException.class, () -> bob.getModelVersion("main.ml.churn", "1"));
        assertEquals(403, e.getStatusCode());
        assertTrue(e.getBodyMessage().contains("PERMISSION_DENIED") && e.getBodyMessage().contains("USE CATALOG")
                && e.getBodyMessage().contains("Catalog 'main'"), e.getBodyMessage());

        ok(sql("admin", "GRANT USE CATALOG ON CATALOG main TO carol"));
        Reply noSchema = fx.call("GET", RM + "/alias?name=main.ml.churn&alias=champion", null, "carol");
        assertEquals(403, noSchema.status());
        assertEquals("PERMISSION_DENIED", noSchema.errorCode());
        assertTrue(noSchema.message().contains("USE SCHEMA on Schema 'main.ml'"), noSchema.message());

        ok(sql("admin", "GRANT USE SCHEMA ON SCHEMA main.ml TO carol"));
        Reply noExecute = fx.call("GET", RM + "/alias?name=main.ml.churn&alias=champion", null, "carol");
        assertTrue(noExecute.message().contains("EXECUTE on Function 'main.ml.churn'"), noExecute.message());

        // the model's owner grants through the UC permissions endpoint
        ok(fx.call("PATCH", PERMS + "/function/main.ml.churn", Map.of("changes", List.of(Map.of("principal", "carol",
                "add", List.of("EXECUTE")))), "alice"));
        assertEquals("1", bob.getModelVersion("main.ml.churn", "1").getVersion());
        assertEquals(List.of("champion"), bob.getModelVersion("main.ml.churn", "1").getAliasesList());
        Reply perms = ok(fx.call("GET", PERMS + "/function/main.ml.churn", null, "carol"));
        assertEquals("{\"privilege_assignments\":[{\"principal\":\"carol\",\"privileges\":[\"EXECUTE\"]}]}", perms.body().toString());
        // reading is not modifying: carol may not move the alias or create versions
        Reply move = fx.call("POST", RM + "/alias", Map.of("name", "main.ml.churn", "alias", "champion", "version", "1"), "carol");
        assertEquals(403, move.status());
        assertTrue(move.message().contains("not the owner"), move.message());

        ok(sql("alice", "REVOKE EXECUTE ON FUNCTION main.ml.churn FROM carol"));
        e = assertThrows(MlflowHttpException.class, () -> bob.getModelVersion("main.ml.churn", "1"));
        assertEquals(403, e.getStatusCode());
        bob.close();
    }

    @Test
    void creatingNeedsCreateModelAndSearchShowsOnlyReadableModels() throws Exception {
        Reply r = fx.call("POST", RM + "/create", Map.of("name", "main.ml.bobs"), "bob");
        assertEquals(403, r.status());
        assertTrue(r.message().contains("USE CATALOG"), r.message());
        Reply missing = fx.call("POST", RM + "/create", Map.of("name", "main.nowhere.m"), "alice");
        assertEquals(404, missing.status());
        assertTrue(missing.message().contains("Schema 'main.nowhere' does not exist"), missing.message());
        assertEquals(1, ok(fx.call("GET", RM + "/search", null, "alice")).body().path("registered_models").size());
        assertEquals(0, ok(fx.call("GET", RM + "/search", null, "bob")).body().path("registered_models").size());
    }

    @Test
    void malformedGrantsAreA400WithThePosition() throws Exception {
        Reply r = sql("admin", "GRANT EXECUTE FUNCTION main.ml.churn TO bob");
        assertEquals(400, r.status());
        assertTrue(r.message().contains("position 15") && r.message().contains("expected"), r.message());
        assertEquals(400, fx.call("PATCH", PERMS + "/function/main.ml.churn", Map.of("changes", List.of(Map.of("principal",
                "bob", "add", List.of("USE_CATALOG")))), "admin").status());
        Reply denied = sql("bob", "GRANT EXECUTE ON FUNCTION main.ml.churn TO bob");
        assertEquals(403, denied.status());
        Reply show = ok(sql("admin", "SHOW GRANTS ON SCHEMA main.ml"));
        assertTrue(show.body().path("result").path("data_array").toString().contains("CREATE MODEL"), show.body().toString());
    }

    @Test
    void catalogsNeedCreateCatalogOnTheMetastoreAndSchemasCreateSchemaPlusUseCatalog() throws Exception {
        Reply refused = fx.call("POST", "/api/2.1/unity-catalog/catalogs", Map.of("name", "carols"), "carol");
        assertEquals(403, refused.status(), refused.body().toString());
        assertTrue(refused.message().contains("CREATE CATALOG on Metastore")
                && refused.message().contains("GRANT CREATE CATALOG ON METASTORE TO `carol`"), refused.message());
        ok(sql("admin", "GRANT CREATE CATALOG ON METASTORE TO carol"));
        assertTrue(ok(sql("admin", "SHOW GRANTS ON METASTORE")).body().toString().contains("CREATE CATALOG"));
        ok(fx.call("POST", "/api/2.1/unity-catalog/catalogs", Map.of("name", "carols"), "carol"));
        // the catalog's owner grants CREATE SCHEMA; bob needs USE CATALOG as well
        ok(sql("carol", "GRANT CREATE SCHEMA ON CATALOG carols TO bob"));
        Reply noUse = fx.call("POST", "/api/2.1/unity-catalog/schemas", Map.of("catalog_name", "carols", "name", "b"), "bob");
        assertEquals(403, noUse.status());
        assertTrue(noUse.message().contains("USE CATALOG on Catalog 'carols'"), noUse.message());
        ok(sql("carol", "GRANT USE CATALOG ON CATALOG carols TO bob"));
        ok(fx.call("POST", "/api/2.1/unity-catalog/schemas", Map.of("catalog_name", "carols", "name", "b"), "bob"));
        assertEquals(403, sql("bob", "GRANT CREATE CATALOG ON METASTORE TO bob").status());
        assertEquals(400, sql("admin", "GRANT EXECUTE ON METASTORE TO bob").status());
        ok(sql("admin", "REVOKE CREATE CATALOG ON METASTORE FROM carol"));
        assertEquals(403, fx.call("POST", "/api/2.1/unity-catalog/catalogs", Map.of("name", "carols2"), "carol").status());
    }
}
