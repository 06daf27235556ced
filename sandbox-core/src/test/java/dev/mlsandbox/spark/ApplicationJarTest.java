package dev.mlsandbox.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * On a cluster master the session ships the sandbox's jar to the executors ({@code spark.jars}),
 * after the caller's own jars; in local mode it ships nothing. StandaloneClusterIT runs the labs
 * on a real standalone cluster.
 */
class ApplicationJarTest {
    static final Path JAR = Path.of("/opt/sandbox/sandbox-core-1.0.jar");

    @Test
    void aClusterMasterGetsTheSandboxJar() {
        for (String master : new String[] {"spark://127.0.0.1:7077", "yarn", "k8s://https://host:443", "local-cluster[1,1,512]"}) {
            SessionSettings s = SessionSettings.local().withMaster(master);
            assertEquals(JAR.toString(), SparkSessions.sessionConfig(s, JAR).get(SparkSessions.JARS_KEY), master);
        }
    }

    @Test
    void localModeShipsNothing() {
        for (String master : new String[] {"local", "local[2]", "local[*]", "local[4,3]"}) {
            Map<String, String> config = SparkSessions.sessionConfig(SessionSettings.local().withMaster(master), JAR);
            assertFalse(config.containsKey(SparkSessions.JARS_KEY), master);
        }
    }

    @Test
    void theCallersJarsComeFirstAndTheSandboxJarOnce() {
        SessionSettings s = SessionSettings.local().withMaster("spark://h:7077").withConfig(SparkSessions.JARS_KEY, "/app/mine.jar");
        assertEquals("/app/mine.jar," + JAR, SparkSessions.sessionConfig(s, JAR).get(SparkSessions.JARS_KEY));
        SessionSettings already = s.withConfig(SparkSessions.JARS_KEY, "/app/mine.jar,file:" + JAR);
        assertEquals("/app/mine.jar,file:" + JAR, SparkSessions.sessionConfig(already, JAR).get(SparkSessions.JARS_KEY));
    }

    @Test
    void classesFromADirectoryShipNothing() {
        // this test's JVM loads sandbox-core from target/classes (or its jar after package)
        Path jar = SparkSessions.sandboxJar();
        assertTrue(jar == null || jar.toString().endsWith(".jar"), String.valueOf(jar));
        assertNull(SparkSessions.sessionConfig(SessionSettings.local().withMaster("spark://h:7077"), null).get(SparkSessions.JARS_KEY));
    }
}
