package dev.mlsandbox.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed at build time: the sandbox's own, and the Spark and Scala it was built against. */
public final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    public static String sandboxVersion() {
        return PROPERTIES.getProperty("sandbox.version", "unknown");
    }

    public static String sparkVersion() {
        return PROPERTIES.getProperty("spark.version", "unknown");
    }

    public static String scalaVersion() {
        return scala.util.Properties.versionNumberString();
    }

    public static String javaVersion() {
        return System.getProperty("java.version");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/mlsandbox/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
