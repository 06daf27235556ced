package dev.mlsandbox.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;

/**
 * Delta Lake in a SparkSession: the two settings it needs, and the one check code that writes or
 * reads Delta tables calls first.
 *
 * <p>Delta hooks into Spark through a SQL extension (its commands, such as {@code DESCRIBE HISTORY},
 * and its table-property checks) and a catalog (so that {@code CREATE TABLE ... USING delta}
 * makes Delta tables). Both are static settings: Spark reads them when the session is built and
 * ignores them afterwards, so they cannot be switched on in a running session. {@link SparkSessions}
 * sets them in every session the sandbox builds; a session built elsewhere (a notebook kernel's
 * own, say) may lack them, and {@link #require} says so before anything is half-written.
 */
public final class DeltaSupport {

    /** Spark's list of session extensions (comma-separated class names). */
    public static final String EXTENSIONS_KEY = "spark.sql.extensions";
    public static final String EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
    /** The catalog behind unqualified table names. */
    public static final String CATALOG_KEY = "spark.sql.catalog.spark_catalog";
    public static final String CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";

    private DeltaSupport() {
    }

    /**
     * The settings to give a session builder, merged with extensions it already has:
     * {@code spark.sql.extensions} is a list, and replacing it would drop the caller's.
     *
     * @param existingExtensions the caller's own {@value #EXTENSIONS_KEY}, or null
     */
    public static Map<String, String> sessionConfig(String existingExtensions) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(EXTENSIONS_KEY, withDelta(existingExtensions));
        config.put(CATALOG_KEY, CATALOG);
        return config;
    }

    /** True when {@code session} was built with both Delta settings. */
    public static boolean enabled(SparkSession session) {
        return missing(session).isEmpty();
    }

    /**
     * Returns {@code session} if it was built with Delta's extension and catalog; otherwise throws
     * an {@link IllegalStateException} naming the missing settings and how to add them.
     */
    public static SparkSession require(SparkSession session) {
        List<String> missing = missing(session);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("This SparkSession cannot use Delta tables: it was built without "
                    + String.join(" and ", missing) + ". These are read only when a session starts: build it with"
                    + " Sandbox.local() (or SparkSessions.getOrCreate), or add " + howToAdd()
                    + " to your SparkSession.builder() before getOrCreate(); if a session is already running"
                    + " (a notebook kernel's), stop it or restart the kernel first.");
        }
        return session;
    }

    /** The builder lines that enable Delta, as a user would type them. */
    static String howToAdd() {
        return ".config(\"" + EXTENSIONS_KEY + "\", \"" + EXTENSION + "\").config(\"" + CATALOG_KEY + "\", \""
                + CATALOG + "\")";
    }

    private static List<String> missing(SparkSession session) {
        List<String> missing = new ArrayList<>();
        String extensions = setting(session, EXTENSIONS_KEY);
        if (extensions == null || !listed(extensions)) {
            missing.add(EXTENSIONS_KEY + "=" + EXTENSION + (extensions == null ? "" : " (it has: " + extensions + ")"));
        }
        String catalog = setting(session, CATALOG_KEY);
        if (!CATALOG.equals(catalog)) {
            missing.add(CATALOG_KEY + "=" + CATALOG + (catalog == null ? "" : " (it has: " + catalog + ")"));
        }
        return missing;
    }

    /** A static setting as the session holds it (the SQL conf, seeded from the context's conf). */
    private static String setting(SparkSession session, String key) {
        String value = session.conf().get(key, null);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean listed(String extensions) {
        return Arrays.stream(extensions.split(",")).map(String::trim).anyMatch(EXTENSION::equals);
    }

    private static String withDelta(String existing) {
        if (existing == null || existing.isBlank()) {
            return EXTENSION;
        }
        return listed(existing) ? existing : existing.trim() + "," + EXTENSION;
    }
}
