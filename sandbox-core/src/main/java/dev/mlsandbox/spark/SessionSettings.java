package dev.mlsandbox.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to build the shared SparkSession.
 *
 * @param master            a Spark master URL: {@code local[*]}, {@code local[2]}, {@code spark://host:7077}, ...
 * @param appName           the application name shown by Spark
 * @param shufflePartitions {@code spark.sql.shuffle.partitions}; Spark's default of 200 makes small
 *                          local jobs spend most of their time scheduling empty tasks
 * @param logLevel          Spark's root log level (WARN keeps a terminal readable)
 * @param extraConfig       further Spark settings, applied last
 * @param delta             whether the session gets Delta Lake's extension and catalog
 *                          ({@link DeltaSupport}); on by default, since they can only be set
 *                          before the session starts. Off saves a little start-up time
 *                          (docs/benchmarks.md, "Delta Lake in the session")
 */
public record SessionSettings(String master, String appName, int shufflePartitions, String logLevel,
                              Map<String, String> extraConfig, boolean delta) {

    /** The environment variable that chooses the master when no {@code --master} is given. */
    public static final String MASTER_ENV = "SANDBOX_SPARK_MASTER";
    public static final String DEFAULT_MASTER = "local[*]";
    public static final String DEFAULT_APP_NAME = "mlops-sandbox";
    public static final int DEFAULT_SHUFFLE_PARTITIONS = 4;
    public static final String DEFAULT_LOG_LEVEL = "WARN";

    public SessionSettings {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(appName, "appName");
        if (master.isBlank()) {
            throw new IllegalArgumentException("Spark master URL is blank: give one such as local[*] or spark://host:7077");
        }
        if (shufflePartitions < 1) {
            throw new IllegalArgumentException("shufflePartitions must be >= 1, got " + shufflePartitions);
        }
        logLevel = logLevel == null ? DEFAULT_LOG_LEVEL : logLevel.toUpperCase(java.util.Locale.ROOT);
        extraConfig = Map.copyOf(new LinkedHashMap<>(extraConfig == null ? Map.of() : extraConfig));
    }

    /** Local mode on every core, with the sandbox defaults. */
    public static SessionSettings local() {
        return new SessionSettings(DEFAULT_MASTER, DEFAULT_APP_NAME, DEFAULT_SHUFFLE_PARTITIONS, DEFAULT_LOG_LEVEL, Map.of(), true);
    }

    /** The master from {@value #MASTER_ENV} when set, else local mode. */
    public static SessionSettings fromEnvironment() {
        String env = System.getenv(MASTER_ENV);
        return env == null || env.isBlank() ? local() : local().withMaster(env);
    }

    public SessionSettings withMaster(String newMaster) {
        return new SessionSettings(newMaster, appName, shufflePartitions, logLevel, extraConfig, delta);
    }

    public SessionSettings withAppName(String newAppName) {
        return new SessionSettings(master, newAppName, shufflePartitions, logLevel, extraConfig, delta);
    }

    public SessionSettings withShufflePartitions(int partitions) {
        return new SessionSettings(master, appName, partitions, logLevel, extraConfig, delta);
    }

    public SessionSettings withLogLevel(String level) {
        return new SessionSettings(master, appName, shufflePartitions, level, extraConfig, delta);
    }

    public SessionSettings withConfig(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(extraConfig);
        copy.put(key, value);
        return new SessionSettings(master, appName, shufflePartitions, logLevel, copy, delta);
    }

    /** With or without Delta Lake's session settings (see {@link DeltaSupport}). */
    public SessionSettings withDelta(boolean enabled) {
        return new SessionSettings(master, appName, shufflePartitions, logLevel, extraConfig, enabled);
    }
}
