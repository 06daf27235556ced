package dev.mlsandbox.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

import dev.mlsandbox.http.ServerModule;
import dev.mlsandbox.registry.RegistryMode;
import dev.mlsandbox.registry.server.RegistryFixture.Reply;
import dev.mlsandbox.store.Migration;
import dev.mlsandbox.store.StoreUri;
import dev.mlsandbox.testing.StoreBackend;
import dev.mlsandbox.tracking.TrackingServer;

/**
 * The server's store (tracking, registry and the Unity-Catalog grants) on each back end, migrated
 * two ways: from an empty database, and from a store an earlier build wrote, checked in as a
 * dump ({@code src/test/resources/dev/mlsandbox/store/upgrade/<commit>.<dialect>.sql}, written by
 * {@link #writeEarlierData} on that commit and dumped with {@code sqlite3 .dump} / {@code pg_dump
 * --inserts}). The upgraded store must hold the old data, take new writes (sequences and
 * max-version counters carry on) and have exactly the tables and columns of a store migrated from
 * empty. When a module appends a migration, this test is what shows it upgrading real data.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class StoreUpgradeTest {
    /** The build whose store the fixture holds: the last schema before this test existed. */
    static final String FIXTURE_COMMIT = "57d20cc";

    static final String RM = "/api/2.0/mlflow/registered-models";
    static final String MV = "/api/2.0/mlflow/model-versions";

    static final AuthConfig AUTH = AuthConfig.builder("admin", "admin-pw").user("alice", "alice-pw").user("carol", "carol-pw")
            .group("ml-team", "alice").build();

    @Parameter
    StoreBackend backend;

    @Test
    void fromEmptyEveryMigrationIsAppliedInOrder() throws Exception {
        try (RegistryFixture fx = new RegistryFixture(backend, RegistryMode.UNITY_CATALOG, AUTH)) {
            List<String> expected = new ArrayList<>();
            for (Migration m : serverMigrations(fx)) {
                expected.add(m.component() + " " + m.version());
            }
            expected.sort(null);
            List<String> applied = new ArrayList<>();
            try (Connection c = connect(fx.store); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT component, version FROM schema_version ORDER BY component, version")) {
                while (rs.next()) {
                    applied.add(rs.getString(1) + " " + rs.getInt(2));
                }
            }
            assertEquals(expected, applied);
            assertFalse(applied.isEmpty());
            // the empty store works: the same writes the fixture was made with
            writeEarlierData(fx);
            checkEarlierData(fx);
        }
    }

    @Test
    void fromTheEarlierBuildsStoreTheDataSurvivesAndTheSchemaMatchesAFreshOne() throws Exception {
        String fixture = "/dev/mlsandbox/store/upgrade/" + FIXTURE_COMMIT + "." + backend.name().toLowerCase(Locale.ROOT) + ".sql";
        Map<String, TreeSet<String>> upgraded;
        try (RegistryFixture fx = new RegistryFixture(backend, RegistryMode.UNITY_CATALOG, AUTH, store -> load(store, fixture))) {
            checkEarlierData(fx);
            writeAfterUpgrade(fx);
            try (Connection c = connect(fx.store)) {
                upgraded = columns(c);
            }
        }
        try (RegistryFixture fresh = new RegistryFixture(backend, RegistryMode.UNITY_CATALOG, AUTH);
                Connection c = connect(fresh.store)) {
            assertEquals(columns(c), upgraded, "tables and columns of a store upgraded from " + FIXTURE_COMMIT
                    + " and of one migrated from empty");
        }
    }

    /**
     * What the fixture holds: an experiment with a finished run (params, a metric's history with
     * a NaN, tags), a catalog and schema with grants to a group, a UC model with a signed version,
     * an alias and a tag.
     */
    static void writeEarlierData(RegistryFixture fx) throws Exception {
        try (MlflowClient admin = client(fx, "admin")) {
            String exp = admin.createExperiment("upgrade");
            admin.setExperimentTag(exp, "team", "churn");
            RunInfo run = admin.createRun(exp);
            admin.logBatch(run.getRunId(),
                    List.of(metric("rmse", 0.5, 0), metric("rmse", Double.NaN, 1), metric("rmse", 0.25, 2)),
                    List.of(Param.newBuilder().setKey("model").setValue("gbt").build(),
                            Param.newBuilder().setKey("max_depth").setValue("5").build()),
                    List.of(RunTag.newBuilder().setKey("mlflow.runName").setValue("before-upgrade").build()));
            admin.setTerminated(run.getRunId());
        }
        ok(fx.call("POST", "/api/2.1/unity-catalog/catalogs", Map.of("name", "main"), "admin"));
        ok(fx.call("POST", "/api/2.1/unity-catalog/schemas", Map.of("catalog_name", "main", "name", "ml"), "admin"));
        ok(sql(fx, "admin", "GRANT USE CATALOG ON CATALOG main TO `ml-team`"));
        ok(sql(fx, "admin", "GRANT USE SCHEMA, CREATE MODEL ON SCHEMA main.ml TO `ml-team`"));
        ok(fx.call("POST", RM + "/create", Map.of("name", "main.ml.churn", "description", "churn model"), "alice"));
        ok(fx.call("POST", MV + "/create", Map.of("name", "main.ml.churn", "source",
                fx.modelDir("churn", true).toUri().toString()), "alice"));
        ok(fx.call("POST", RM + "/alias", Map.of("name", "main.ml.churn", "alias", "champion", "version", "1"), "alice"));
        ok(fx.call("POST", MV + "/set-tag", Map.of("name", "main.ml.churn", "version", "1", "key", "validated", "value", "yes"),
                "alice"));
    }

    /** The data of {@link #writeEarlierData}, read through the APIs, with the grants still enforced. */
    static void checkEarlierData(RegistryFixture fx) throws Exception {
        try (MlflowClient admin = client(fx, "admin")) {
            String exp = admin.getExperimentByName("upgrade").orElseThrow().getExperimentId();
            List<RunInfo> runs = admin.searchRuns(List.of(exp), "params.model = 'gbt' AND tags.mlflow.runName = 'before-upgrade'");
            assertEquals(1, runs.size());
            var run = admin.getRun(runs.get(0).getRunId());
            assertEquals("FINISHED", run.getInfo().getStatus().name());
            assertEquals(0.25, run.getData().getMetrics(0).getValue(), "latest = highest step");
            var history = admin.getMetricHistory(run.getInfo().getRunId(), "rmse");
            assertEquals(3, history.size());
            assertTrue(history.stream().anyMatch(m -> Double.isNaN(m.getValue())), "NaN kept in the history");
            assertEquals(2, run.getData().getParamsCount());
        }
        Reply alias = ok(fx.call("GET", RM + "/alias?name=main.ml.churn&alias=champion", null, "alice"));
        assertEquals("1", alias.body().path("model_version").path("version").asText(), alias.body().toString());
        assertEquals("churn model", ok(fx.call("GET", RM + "/get?name=main.ml.churn", null, "alice"))
                .body().path("registered_model").path("description").asText());
        Reply denied = fx.call("GET", RM + "/get?name=main.ml.churn", null, "carol");
        assertEquals(403, denied.status(), "carol was never granted anything: " + denied.body());
    }

    /** New writes on the upgraded store: a grant (a new row id), a second version (the counter), a run. */
    static void writeAfterUpgrade(RegistryFixture fx) throws Exception {
        ok(sql(fx, "admin", "GRANT USE CATALOG ON CATALOG main TO carol"));
        ok(sql(fx, "admin", "GRANT USE SCHEMA ON SCHEMA main.ml TO carol"));
        ok(sql(fx, "alice", "GRANT EXECUTE ON FUNCTION main.ml.churn TO carol"));
        ok(fx.call("GET", RM + "/get?name=main.ml.churn", null, "carol"));
        Reply v2 = ok(fx.call("POST", MV + "/create", Map.of("name", "main.ml.churn", "source",
                fx.modelDir("churn-2", true).toUri().toString()), "alice"));
        assertEquals("2", v2.body().path("model_version").path("version").asText());
        try (MlflowClient admin = client(fx, "admin")) {
            String exp = admin.getExperimentByName("upgrade").orElseThrow().getExperimentId();
            RunInfo run = admin.createRun(exp);
            admin.logMetric(run.getRunId(), "rmse", 0.2);
            assertEquals(2, admin.searchRuns(List.of(exp), "").size());
        }
    }

    static List<Migration> serverMigrations(RegistryFixture fx) {
        List<Migration> all = new ArrayList<>();
        for (ServerModule m : List.of(TrackingServer.module(fx.dir.resolve("artifacts"), s -> { }),
                RegistryServer.module(new RegistryOptions(RegistryMode.UNITY_CATALOG, fx.dir.resolve("artifacts"), AUTH)))) {
            all.addAll(m.migrations());
        }
        return all;
    }

    /** Runs a dump statement by statement: statements end with ';' at the end of a line, '--' lines are comments. */
    static void load(StoreBackend.TestStore store, String resource) throws IOException, SQLException {
        String text;
        try (InputStream in = StoreUpgradeTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no fixture " + resource + " on the test class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (current.isEmpty() && (line.isBlank() || line.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            if (line.endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        try (Connection c = connect(store); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Every table's columns as "name type nullability", types as the driver names them. */
    static Map<String, TreeSet<String>> columns(Connection c) throws SQLException {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? "public" : null;
        try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (table.startsWith("sqlite_")) {
                    continue;
                }
                out.computeIfAbsent(table, t -> new TreeSet<>()).add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                        + rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + " " + rs.getString("IS_NULLABLE"));
            }
        }
        assertFalse(out.isEmpty(), "no tables found");
        return out;
    }

    static Connection connect(StoreBackend.TestStore store) throws SQLException {
        StoreUri u = StoreUri.parse(store.uri());
        return DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
    }

    static MlflowClient client(RegistryFixture fx, String user) {
        return new MlflowClient(new BasicMlflowHostCreds(fx.server.uri().toString(), user, user + "-pw"));
    }

    static Reply sql(RegistryFixture fx, String user, String statement) throws Exception {
        return fx.call("POST", "/api/2.0/sql/statements", Map.of("statement", statement), user);
    }

    static Reply ok(Reply r) {
        assertEquals(200, r.status(), r.body().toString());
        return r;
    }

    private static Metric metric(String key, double value, long step) {
        return Metric.newBuilder().setKey(key).setValue(value).setTimestamp(1_700_000_000_000L + step).setStep(step).build();
    }
}
