package dev.mlsandbox.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed at build time (the sandbox's own, and the Spark, Scala and Delta Lake it was built against) and the running Java. */
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

    public static String deltaVersion() {
        return PROPERTIES.getProperty("delta.version", "unknown");
    }

    public static String scalaVersion() {
        return scala.util.Properties.versionNumberString();
    }

    public static String javaVersion() {
        return System.getProperty("java.version");
    }

    /** The running Java as a person would want it named: version, vendor and where it is installed. */
    public static String javaDescription() {
        return "Java " + javaVersion() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")";
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
