package dev.mlsandbox.serving.scorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a child JVM whose class path is this test JVM's minus every Spark and Scala
 * jar: if the code under test touches a Spark class, the child fails with NoClassDefFoundError.
 */
public final class SparkFreeJvm {

    private SparkFreeJvm() {
    }

    /** Runs {@code main} with the arguments and fails the test unless it exits 0; returns its output. */
    public static String run(Class<?> main, String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String[] all = classPath.split(File.pathSeparator);
        List<String> entries = Arrays.stream(all)
                .filter(e -> !e.contains("/org/apache/spark/") && !e.contains("/org/scala-lang/")).toList();
        assertTrue(entries.size() < all.length, "no Spark jar found to leave out of " + classPath);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", String.join(File.pathSeparator, entries), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the Spark-free JVM did not finish");
        assertEquals(0, child.exitValue(), "the Spark-free JVM failed:\n" + log);
        return log;
    }
}
