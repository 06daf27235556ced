package dev.mlsandbox.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.testing.SharedSpark;

/** Delta tables in the sessions the sandbox builds, and the error for a session built without Delta. */
class DeltaSupportTest {

    @Test
    void theSandboxSessionWritesAndReadsADeltaTableWithChangeDataFeed(@TempDir Path dir) {
        SparkSession spark = DeltaSupport.require(SharedSpark.session());
        String table = "delta.`" + dir.resolve("customers").toUri() + "`";
        String path = dir.resolve("customers").toString();

        // CREATE TABLE ... USING delta goes through Delta's catalog, UPDATE through its extension.
        spark.sql("CREATE TABLE " + table + " (id INT, plan STRING) USING delta"
                + " TBLPROPERTIES (delta.enableChangeDataFeed = true)");
        spark.sql("SELECT 1 AS id, 'basic' AS plan UNION ALL SELECT 2, 'basic' UNION ALL SELECT 3, 'pro'")
                .write().format("delta").mode("append").save(path);
        spark.sql("UPDATE " + table + " SET plan = 'pro' WHERE id = 2");

        Dataset<Row> current = spark.read().format("delta").load(path).orderBy("id");
        assertEquals(List.of("1:basic", "2:pro", "3:pro"),
                current.collectAsList().stream().map(r -> r.getInt(0) + ":" + r.getString(1)).toList());

        Map<String, String> properties = new TreeMap<>();
        spark.sql("SHOW TBLPROPERTIES " + table).collectAsList()
                .forEach(r -> properties.put(r.getString(0), r.getString(1)));
        assertEquals("true", properties.get("delta.enableChangeDataFeed"));

        // Version 1 inserted three rows; version 2 updated one (a pre- and a post-image).
        Map<String, Long> changes = new TreeMap<>();
        spark.read().format("delta").option("readChangeFeed", "true").option("startingVersion", 1).load(path)
                .groupBy("_change_type", "_commit_version").count().collectAsList()
                .forEach(r -> changes.put(r.getString(0) + "@" + r.getLong(1), r.getLong(2)));
        assertEquals(Map.of("insert@1", 3L, "update_preimage@2", 1L, "update_postimage@2", 1L), changes);
    }

    @Test
    void theSandboxSessionHasBothSettings() {
        assertTrue(DeltaSupport.enabled(SharedSpark.session()));
        assertSame(SharedSpark.session(), DeltaSupport.require(SharedSpark.session()));
    }

    @Test
    void deltaJoinsTheCallersExtensionsAndKeepsTheirCatalog() {
        SessionSettings theirs = SessionSettings.local()
                .withConfig(DeltaSupport.EXTENSIONS_KEY, "com.example.TheirExtension")
                .withConfig(DeltaSupport.CATALOG_KEY, "com.example.TheirCatalog");
        Map<String, String> config = SparkSessions.sessionConfig(theirs);
        assertEquals("com.example.TheirExtension," + DeltaSupport.EXTENSION, config.get(DeltaSupport.EXTENSIONS_KEY));
        assertEquals("com.example.TheirCatalog", config.get(DeltaSupport.CATALOG_KEY));

        assertEquals(Map.of(DeltaSupport.EXTENSIONS_KEY, DeltaSupport.EXTENSION, DeltaSupport.CATALOG_KEY, DeltaSupport.CATALOG),
                SparkSessions.sessionConfig(SessionSettings.local()));
        assertEquals(Map.of(), SparkSessions.sessionConfig(SessionSettings.local().withDelta(false)));
    }

    /**
     * A session without Delta needs a JVM of its own: Spark reads the extensions from the one
     * SparkContext a JVM may have, which this test JVM started with Delta.
     */
    @Test
    void aSessionWithoutDeltaGetsAnErrorNamingTheSettingsAndTheFix() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(SparkJvmFlags.flags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlainSession.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), output);
        assertEquals(0, process.exitValue(), output);

        String message = output.lines().filter(l -> l.startsWith(PlainSession.MARKER)).findFirst()
                .orElseThrow(() -> new AssertionError("no error message in: " + output))
                .substring(PlainSession.MARKER.length());
        assertTrue(message.startsWith("This SparkSession cannot use Delta tables"), message);
        assertTrue(message.contains(DeltaSupport.EXTENSIONS_KEY + "=" + DeltaSupport.EXTENSION), message);
        assertTrue(message.contains(DeltaSupport.CATALOG_KEY + "=" + DeltaSupport.CATALOG), message);
        assertTrue(message.contains(DeltaSupport.howToAdd()), message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    /** The child JVM: a session built without Delta, and what {@link DeltaSupport#require} says. */
    static final class PlainSession {
        static final String MARKER = "delta-error: ";

        public static void main(String[] args) throws IOException {
            SparkSession spark = SparkSessions.getOrCreate(
                    SessionSettings.local().withMaster("local[1]").withDelta(false));
            try {
                if (DeltaSupport.enabled(spark)) {
                    System.out.println("enabled without the settings");
                    return;
                }
                DeltaSupport.require(spark);
                System.out.println("require accepted a session without Delta");
            } catch (IllegalStateException e) {
                System.out.println(MARKER + e.getMessage());
            } finally {
                spark.stop();
            }
        }
    }
}
