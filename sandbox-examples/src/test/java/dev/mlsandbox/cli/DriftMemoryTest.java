package dev.mlsandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift command's memory bound, in a child JVM as {@code bin/sandbox drift} runs it. The goal
 * is 1,000,000 rows x 5 numeric columns per file within {@code -Xmx512m} (bench/drift-e2e runs
 * exactly that; it needs between 192 and 256 MiB); here a quarter of the rows in a quarter of the
 * heap, so the test stays quick and still fails if the reader went back to a String per cell
 * (which needed about 1.8 GB for the full files).
 */
class DriftMemoryTest {
    static final int ROWS = 250_000;

    static Path csv(Path dir, String name, long seed, double shift) throws IOException {
        Random rnd = new Random(seed);
        Path p = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(p)) {
            w.write("c0,c1,c2,c3,c4\n");
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < ROWS; k++) {
                line.setLength(0);
                double g = rnd.nextGaussian() + shift;
                line.append(g).append(',').append(Math.exp(0.5 * g)).append(',').append(Math.rint(g * 100) / 100)
                        .append(',').append(rnd.nextDouble()).append(',').append(rnd.nextInt(1000)).append('\n');
                w.write(line.toString());
            }
        }
        return p;
    }

    @Test
    void aQuarterOfTheRowsRunInAQuarterOfThe512MiBHeap(@TempDir Path dir) throws Exception {
        Path ref = csv(dir, "ref.csv", 1, 0.0);
        Path cur = csv(dir, "cur.csv", 2, 0.05);
        Path out = dir.resolve("report");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), SandboxCli.class.getName(),
                "drift", "--reference", ref.toString(), "--current", cur.toString(), "--out", out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "drift did not finish");
        String log = Files.readString(dir.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(Files.exists(out.resolve("report.json")), log);
        assertTrue(log.contains("dataset drift:"), log);
    }
}
