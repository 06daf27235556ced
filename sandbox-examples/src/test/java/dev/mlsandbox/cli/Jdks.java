package dev.mlsandbox.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The second JDK the launcher-driven tests also run on, found the way a user's shell would find a
 * Java: {@code JAVA_HOME} when it names a JDK other than the build's, else the newest JDK in the
 * system's JVM directory ({@code /usr/lib/jvm}, or macOS's {@code /Library/Java/JavaVirtualMachines})
 * whose feature version differs from the build's.
 */
final class Jdks {

    /** A JDK installation: its home and the version its {@code release} file states. */
    record Jdk(Path home, Runtime.Version version) {
        int major() {
            return version.feature();
        }

        Path java() {
            return home.resolve("bin/java");
        }

        @Override
        public String toString() {
            return "JDK " + version + " (" + home + ")";
        }
    }

    /** The JDK found, or why none was. */
    record Found(Optional<Jdk> jdk, String reason) {
    }

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");
    private static final List<Path> JVM_DIRECTORIES = List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"));

    private Jdks() {
    }

    /** The build's own JDK (the one running this test). */
    static Jdk current() {
        Path home = Path.of(System.getProperty("java.home"));
        return read(home).orElseThrow(() -> new IllegalStateException("the build's JDK has no release file: " + home));
    }

    static Found other() {
        int build = Runtime.version().feature();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            Optional<Jdk> fromEnv = read(Path.of(javaHome));
            if (fromEnv.isPresent() && fromEnv.get().major() != build && fromEnv.get().major() >= 17) {
                return new Found(fromEnv, "JAVA_HOME");
            }
        }
        List<Jdk> installed = new ArrayList<>();
        for (Path directory : JVM_DIRECTORIES) {
            installed.addAll(installedIn(directory));
        }
        Optional<Jdk> newest = installed.stream().filter(jdk -> jdk.major() != build && jdk.major() >= 17)
                .max(Comparator.comparing(Jdk::version));
        if (newest.isPresent()) {
            return new Found(newest, "the newest JDK other than " + build + " in " + newest.get().home().getParent());
        }
        return new Found(Optional.empty(), "no JDK 17+ other than the build's own (" + build + ") in JAVA_HOME ("
                + (javaHome == null ? "unset" : javaHome) + ") or in " + JVM_DIRECTORIES + "; found " + installed);
    }

    private static List<Jdk> installedIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> Files.isDirectory(entry.resolve("Contents/Home")) ? entry.resolve("Contents/Home") : entry)
                    .map(Jdks::read).flatMap(Optional::stream)
                    // Debian lists each JDK twice (java-17-openjdk-amd64 and a symlink to it).
                    .distinct().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A JDK (with javac, since the launcher builds with it) whose release file states its version. */
    static Optional<Jdk> read(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isExecutable(home.resolve("bin/javac"))
                || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release));
            return m.find() ? Optional.of(new Jdk(home.toRealPath(), Runtime.Version.parse(m.group(1)))) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
