package dev.mlsandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bin/sandbox} itself, after {@code package}: the Java it picks, names and refuses; the
 * class-data archive it saves on the first lab run, uses afterwards, drops when a jar changes, and
 * leaves alone when the caller runs the JVM without class-data sharing (where saving one would
 * stop the JVM at start). The archive cycle runs on the build's JDK and on a second one found as
 * a user's would be ({@link Jdks#other()}), skipped with the reason where none is installed.
 */
class LauncherIT {

    static final Path ROOT = Path.of(System.getProperty("sandbox.root", "..")).toAbsolutePath().normalize();
    private static final Path TARGET = ROOT.resolve("sandbox-examples/target");

    /** Exit status, stdout and stderr of one {@code bin/sandbox} run. */
    record Run(int status, String stdout, String stderr) {
    }

    static Run sandbox(Path dir, Map<String, String> env, String... args) throws Exception {
        return sandbox(dir, env, 600, args);  // minutes: a lab run on a loaded 2-core machine
    }

    static Run sandbox(Path dir, Map<String, String> env, int timeoutSeconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", ROOT.resolve("bin/sandbox").toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("SANDBOX_SKIP_BUILD", "1");
        builder.environment().remove("SANDBOX_JAVA_OPTS");
        builder.environment().remove("SANDBOX_CDS");
        builder.environment().put("JAVA_HOME", Jdks.current().home().toString());
        builder.environment().putAll(env);
        builder.environment().values().removeIf(String::isEmpty);  // "" means: unset it
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/sandbox " + String.join(" ", args) + " ran past " + timeoutSeconds + " s");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path examplesJar() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            return files.filter(p -> p.getFileName().toString().matches("sandbox-examples-.*(?<!-tests|-sources|-javadoc)\\.jar"))
                    .findFirst().orElseThrow();
        }
    }

    /** The class-data archives bin/sandbox keeps for one Java feature version. */
    private static List<Path> archives(int major) throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            return files.filter(p -> p.getFileName().toString().matches("sandbox-java" + major + "-[0-9]+\\.jsa")).toList();
        }
    }

    private static void deleteArchives(int major) throws IOException {
        for (Path archive : archives(major)) {
            Files.delete(archive);
        }
    }

    static Stream<String> jdks() {
        return Stream.of("build", "other");
    }

    /** The JDK a parameter names; the other one, when none is installed, skips the test with the reason. */
    static Jdks.Jdk jdk(String which) {
        if (which.equals("build")) {
            return Jdks.current();
        }
        Jdks.Found other = Jdks.other();
        if (other.jdk().isEmpty()) {
            System.out.println("skipped on a second JDK: " + other.reason());
        }
        assumeTrue(other.jdk().isPresent(), other.reason());
        System.out.println("second JDK: " + other.jdk().get() + ", found as " + other.reason());
        return other.jdk().get();
    }

    @ParameterizedTest(name = "{0} JDK")
    @MethodSource("jdks")
    void savesTheArchiveOnceUsesItAndDropsItWhenAJarChanges(String which, @TempDir Path dir) throws Exception {
        Jdks.Jdk jdk = jdk(which);
        Map<String, String> env = Map.of("JAVA_HOME", jdk.home().toString());
        deleteArchives(jdk.major());
        Path out = dir.resolve("reports");

        Run first = sandbox(dir, env, "lab", "tracking", "--quiet", "--out", out.toString());
        assertEquals(0, first.status(), first.stderr());
        assertEquals(out.resolve("tracking/report.html").toString(), first.stdout().strip(),
                "stdout holds the report path only: the JVM's class-data messages stay off it");
        assertFalse(first.stderr().contains("WARNING"), "the JVM's warnings are answered by the flag list: " + first.stderr());
        List<Path> saved = archives(jdk.major());
        assertEquals(1, saved.size(), "one archive for this Java: " + saved);
        Path archive = saved.get(0);
        assertTrue(Files.size(archive) > 10_000_000, "a lab run archives Spark's classes");
        FileTime savedAt = Files.getLastModifiedTime(archive);

        Run second = sandbox(dir, env, "lab", "tracking", "--quiet", "--out", out.toString());
        assertEquals(0, second.status(), second.stderr());
        assertEquals(first.stdout(), second.stdout());
        assertEquals(savedAt, Files.getLastModifiedTime(archive), "the archive is used, not saved again");

        Path jar = examplesJar();
        FileTime built = Files.getLastModifiedTime(jar);
        try {
            Files.setLastModifiedTime(jar, FileTime.fromMillis(savedAt.toMillis() + 2_000));
            Run listing = sandbox(dir, env, "labs");
            assertEquals(0, listing.status(), listing.stderr());
            assertFalse(Files.exists(archive), "an archive older than a jar it describes is dropped");
        } finally {
            Files.setLastModifiedTime(jar, built);
        }
    }

    @ParameterizedTest(name = "{0} JDK")
    @MethodSource("jdks")
    void namesTheJavaItUsesOnStderrAndItsVersionsOnStdout(String which, @TempDir Path dir) throws Exception {
        Jdks.Jdk jdk = jdk(which);
        Map<String, String> env = Map.of("JAVA_HOME", jdk.home().toString());
        Run labs = sandbox(dir, env, "labs");
        assertEquals(0, labs.status(), labs.stderr());
        assertEquals("sandbox: Java " + jdk.version() + " (" + jdk.home() + ")", labs.stderr().lines().findFirst().orElse(""),
                labs.stderr());
        assertFalse(labs.stdout().contains("sandbox: Java"), "stdout stays clean: " + labs.stdout());

        Run version = sandbox(dir, env, "--version");
        assertEquals(0, version.status(), version.stderr());
        assertTrue(version.stdout().contains("Java " + jdk.version() + " ("), version.stdout());
        assertTrue(version.stdout().contains("Spark 4."), version.stdout());
        assertTrue(version.stdout().contains("Delta Lake "), version.stdout());
        assertEquals("", version.stderr(), "--version names the Java on stdout only");
    }

    @Test
    void refusesAJavaOlderThan17WithOneLineSayingWhatToDo(@TempDir Path dir) throws Exception {
        Path old = fakeJdk(dir.resolve("jdk-11"), "11.0.22");
        Run run = sandbox(dir, Map.of("JAVA_HOME", old.toString()), "labs");
        assertEquals(1, run.status(), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertTrue(run.stderr().startsWith("sandbox: Java 11.0.22 (" + old + ") is too old"), run.stderr());
        assertTrue(run.stderr().contains("set JAVA_HOME"), run.stderr());
        assertEquals("", run.stdout());
    }

    @Test
    void refusesWithOneLineWhenThereIsNoJava(@TempDir Path dir) throws Exception {
        Run noJavaInHome = sandbox(dir, Map.of("JAVA_HOME", dir.resolve("nowhere").toString()), "labs");
        assertEquals(1, noJavaInHome.status(), noJavaInHome.stderr());
        assertEquals(1, noJavaInHome.stderr().lines().count(), noJavaInHome.stderr());
        assertTrue(noJavaInHome.stderr().contains("has no bin/java"), noJavaInHome.stderr());

        // A PATH with every tool the launcher uses, but no java.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("bash", "dirname", "basename", "readlink", "cat", "sed", "head", "cut", "cksum",
                "find", "touch", "rm", "mv", "printf")) {
            for (String place : List.of("/usr/bin/", "/bin/")) {
                Path source = Path.of(place + tool);
                if (Files.isExecutable(source) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), source);
                }
            }
        }
        Run noJava;
        try {
            noJava = sandbox(dir, Map.of("JAVA_HOME", "", "PATH", bin.toString()), "labs");
        } finally {
            // Our links, removed here: JUnit warns about each link to outside its temporary directory.
            try (Stream<Path> links = Files.list(bin)) {
                for (Path link : links.toList()) {
                    Files.delete(link);
                }
            }
        }
        assertEquals(1, noJava.status(), noJava.stderr());
        assertEquals(1, noJava.stderr().lines().count(), noJava.stderr());
        assertTrue(noJava.stderr().startsWith("sandbox: no Java found"), noJava.stderr());
        assertTrue(noJava.stderr().contains("install a JDK 17 or newer"), noJava.stderr());
    }

    /** A directory that looks like a JDK of the given version to the launcher (its java is never run). */
    private static Path fakeJdk(Path home, String version) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'should not run' >&2\nexit 3\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void leavesClassDataSharingToACallerWhoTurnsItOff(@TempDir Path dir) throws Exception {
        int major = Jdks.current().major();
        deleteArchives(major);
        // Eligible for saving (a lab, no --help), so the launcher would add a dynamic archive, which
        // the JVM refuses with -Xshare:off ("Error occurred during initialization of VM").
        Run run = sandbox(dir, Map.of("SANDBOX_JAVA_OPTS", "-Xshare:off"), "lab", "no-such-lab");
        assertEquals(2, run.status(), run.stderr());
        assertTrue(run.stderr().contains("no-such-lab"), run.stderr());
        assertFalse(run.stderr().contains("initialization of VM"), run.stderr());
        assertEquals(List.of(), archives(major));
    }
}
