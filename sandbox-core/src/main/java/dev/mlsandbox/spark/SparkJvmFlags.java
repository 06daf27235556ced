package dev.mlsandbox.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags Spark needs on JDK 17+ ({@code --add-opens} and friends).
 *
 * <p>The list lives once, in the parent pom ({@code sandbox.jvm.flags}); the build copies it into
 * {@code dev/mlsandbox/jvm-flags.txt}, which surefire, {@code bin/sandbox} and this class read.
 * Flags must be given when the JVM starts: a notebook kernel needs them in its launch options.
 */
public final class SparkJvmFlags {

    private static final String RESOURCE = "/dev/mlsandbox/jvm-flags.txt";

    private SparkJvmFlags() {
    }

    public static List<String> flags() {
        try (InputStream in = SparkJvmFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath: rebuild sandbox-core with ./mvnw");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return Arrays.stream(text.split("\\s+")).filter(s -> !s.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when this JVM was started with the flags Spark needs (checks one representative flag). */
    public static boolean presentInThisJvm() {
        List<String> args = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        return args.stream().anyMatch(a -> a.contains("java.base/sun.nio.ch=ALL-UNNAMED"));
    }
}
