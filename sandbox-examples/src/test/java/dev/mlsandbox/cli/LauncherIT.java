package dev.mlsandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sandbox} itself, after {@code package}: the class-data archive it saves on the first
 * lab run, uses afterwards, drops when a jar changes, and leaves alone when the caller runs the
 * JVM without class-data sharing (where saving one would stop the JVM at start).
 */
class LauncherIT {

    private static final Path ROOT = Path.of(System.getProperty("sandbox.root", "..")).toAbsolutePath().normalize();
    private static final Path TARGET = ROOT.resolve("sandbox-examples/target");
    private static final Path ARCHIVE = TARGET.resolve("sandbox.jsa");

    /** Exit status, stdout and stderr of one {@code bin/sandbox} run. */
    record Run(int status, String stdout, String stderr) {
    }

    private static Run sandbox(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", ROOT.resolve("bin/sandbox").toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("SANDBOX_SKIP_BUILD", "1");
        builder.environment().remove("SANDBOX_JAVA_OPTS");
        builder.environment().remove("SANDBOX_CDS");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "bin/sandbox " + String.join(" ", args) + " ran past 180 s");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path examplesJar() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            return files.filter(p -> p.getFileName().toString().matches("sandbox-examples-.*(?<!-tests|-sources|-javadoc)\\.jar"))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void savesTheArchiveOnceUsesItAndDropsItWhenAJarChanges(@TempDir Path dir) throws Exception {
        Files.deleteIfExists(ARCHIVE);
        Path out = dir.resolve("reports");

        Run first = sandbox(dir, Map.of(), "lab", "tracking", "--quiet", "--out", out.toString());
        assertEquals(0, first.status(), first.stderr());
        assertEquals(out.resolve("tracking/report.html").toString(), first.stdout().strip(),
                "stdout holds the report path only: the JVM's class-data messages stay off it");
        assertTrue(Files.size(ARCHIVE) > 10_000_000, "a lab run archives Spark's classes");
        FileTime saved = Files.getLastModifiedTime(ARCHIVE);

        Run second = sandbox(dir, Map.of(), "lab", "tracking", "--quiet", "--out", out.toString());
        assertEquals(0, second.status(), second.stderr());
        assertEquals(first.stdout(), second.stdout());
        assertEquals(saved, Files.getLastModifiedTime(ARCHIVE), "the archive is used, not saved again");

        Path jar = examplesJar();
        FileTime built = Files.getLastModifiedTime(jar);
        try {
            Files.setLastModifiedTime(jar, FileTime.fromMillis(saved.toMillis() + 2_000));
            Run listing = sandbox(dir, Map.of(), "labs");
            assertEquals(0, listing.status(), listing.stderr());
            assertFalse(Files.exists(ARCHIVE), "an archive older than a jar it describes is dropped");
        } finally {
            Files.setLastModifiedTime(jar, built);
        }
    }

    @Test
    void leavesClassDataSharingToACallerWhoTurnsItOff(@TempDir Path dir) throws Exception {
        Files.deleteIfExists(ARCHIVE);
        // Eligible for saving (a lab, no --help), so the launcher would add a dynamic archive, which
        // the JVM refuses with -Xshare:off ("Error occurred during initialization of VM").
        Run run = sandbox(dir, Map.of("SANDBOX_JAVA_OPTS", "-Xshare:off"), "lab", "no-such-lab");
        assertEquals(2, run.status(), run.stderr());
        assertTrue(run.stderr().contains("no-such-lab"), run.stderr());
        assertFalse(run.stderr().contains("initialization of VM"), run.stderr());
        assertFalse(Files.exists(ARCHIVE));
    }
}
