package dev.mlsandbox.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.apache.logging.log4j.core.filter.RegexFilter;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the JVM's SparkSession with the sandbox defaults.
 *
 * <p>Spark allows one active SparkContext per JVM, so {@link #getOrCreate} returns the running
 * session when there is one: the tour, a notebook and a test suite all share a single session.
 *
 * <p>Logging belongs to whoever starts the session. Levels (the root level, the quieted noisy
 * loggers, the block manager's filter) are set when {@link #getOrCreate} starts a session, and
 * never when it attaches to one that was already running: a notebook that started its own
 * session at INFO keeps INFO when a Sandbox joins it.
 */
public final class SparkSessions {

    /** Spark's (internal) switch that filters zero-valued accumulators out of executor heartbeats. */
    static final String HEARTBEAT_DROP_ZEROES = "spark.executor.heartbeat.dropZeroAccumulatorUpdates";

    private SparkSessions() {
    }

    /**
     * The running session, or a new one built from {@code settings}. Attached to a running session,
     * only Spark's runtime SQL settings apply (Spark's own rule) and logging is left as it is.
     */
    public static SparkSession getOrCreate(SessionSettings settings) {
        boolean starting = !isRunning();
        if (starting) {
            quietLogging(settings.logLevel());
        }
        SparkSession.Builder builder = SparkSession.builder()
                .master(settings.master())
                .appName(settings.appName())
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(settings.shufflePartitions()))
                .config("spark.default.parallelism", String.valueOf(Math.max(2, settings.shufflePartitions())))
                // Labs write their scratch tables under the system temp dir, never in the working tree.
                .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/mlops-sandbox-warehouse")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                // Spark 4.2 race (SPARK-59451): the executor's heartbeat thread asks each running
                // task's accumulators isZero, and a cached Dataset's new PartitionKeyedAccumulator,
                // still being deserialized, throws a NullPointerException there. That kills the
                // heartbeat thread for good: an ERROR with a stack trace, and two minutes later
                // "Removing executor driver with no recent heartbeats". Sending zero-valued
                // accumulators too skips the isZero call; in local mode the heartbeat is never
                // serialized, so they cost next to nothing.
                .config(HEARTBEAT_DROP_ZEROES, "false");
        sessionConfig(settings).forEach(builder::config);
        SparkSession session = builder.getOrCreate();
        if (starting) {
            session.sparkContext().setLogLevel(settings.logLevel());
        }
        return session;
    }

    /** Whether this JVM has a session already (this thread's active one, or the default one). */
    public static boolean isRunning() {
        return SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
    }

    /**
     * The caller's settings plus Delta's, when wanted. Delta's extension joins any the caller
     * lists; a catalog of the caller's own is kept (and {@link DeltaSupport#require} will then say
     * that Delta's is missing).
     */
    static Map<String, String> sessionConfig(SessionSettings settings) {
        return sessionConfig(settings, sandboxJar());
    }

    /**
     * As {@link #sessionConfig(SessionSettings)}, with the jar the sandbox's classes come from
     * (null when they come from a directory, as in this project's own unit tests).
     */
    static Map<String, String> sessionConfig(SessionSettings settings, Path sandboxJar) {
        Map<String, String> config = new LinkedHashMap<>(settings.extraConfig());
        if (settings.delta()) {
            DeltaSupport.sessionConfig(settings.extraConfig().get(DeltaSupport.EXTENSIONS_KEY))
                    .forEach((key, value) -> config.merge(key, value,
                            (theirs, ours) -> key.equals(DeltaSupport.EXTENSIONS_KEY) ? ours : theirs));
        }
        // Executors outside this JVM (a standalone, YARN or Kubernetes cluster, even local-cluster)
        // run the labs' functions too, so they need the sandbox's classes: ship its jar the way
        // spark-submit --jars does, after any jars the caller lists. In local mode the executor is
        // this JVM and already has them.
        if (sandboxJar != null && !isLocal(settings.master())) {
            String jar = sandboxJar.toAbsolutePath().normalize().toString();
            String listed = config.get(JARS_KEY);
            if (listed == null || listed.isBlank()) {
                config.put(JARS_KEY, jar);
            } else if (Arrays.stream(listed.split(",")).map(String::trim).noneMatch(j -> fileName(j).equals(fileName(jar)))) {
                // by file name: Spark's file server refuses two jars of the same name from two paths
                config.put(JARS_KEY, listed + "," + jar);
            }
        }
        return config;
    }

    private static String fileName(String jar) {
        return jar.substring(jar.lastIndexOf('/') + 1);
    }

    /** Spark's list of jars shipped to the executors (comma-separated). */
    static final String JARS_KEY = "spark.jars";

    /** {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}: the executor is the driver's JVM. */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /** The jar this class was loaded from, or null when it was loaded from a directory. */
    static Path sandboxJar() {
        try {
            java.security.CodeSource source = SparkSessions.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? path : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /**
     * Spark logs through Log4j 2; setting the level before the context starts also silences the
     * start-up chatter, which {@code setLogLevel} alone cannot reach.
     */
    static void quietLogging(String level) {
        Level parsed = Level.toLevel(level, Level.WARN);
        Configurator.setRootLevel(parsed);
        if (parsed.isMoreSpecificThan(Level.ERROR)) {
            // Warnings are off altogether. (WARN itself counts as "more specific than WARN", which
            // is why this compares with ERROR.)
            return;
        }
        // Noisy at WARN on a laptop and nothing to act on: native Hadoop libs, the loopback
        // hostname, and the one-time note that a plan's debug string was cut at 25 fields.
        Configurator.setLevel("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR);
        Configurator.setLevel(UTILS, Level.ERROR);
        Configurator.setLevel("org.apache.spark.util.SparkStringUtils", Level.ERROR);
        // Delta's change-feed reader passes its options to Spark twice; Spark warns each time
        // ("Converting duplicated key readchangefeed") although both copies are the same.
        Configurator.setLevel("org.apache.spark.sql.util.CaseInsensitiveStringMap", Level.ERROR);
        hideBenignRaces();
    }

    /** Spark's block manager, whose benign-race warnings {@link #BENIGN_RACES} hides. */
    static final String BLOCK_MANAGER = "org.apache.spark.storage.BlockManager";

    /**
     * Two races between fits running side by side that Spark handles and then reports with a WARN
     * that reads like a fault: two fits computing the same cached partition (the second put is
     * dropped), and a broadcast piece asked to be removed after it already was (LogisticRegression
     * destroys its per-iteration broadcasts without waiting, so two removals can cross). Other
     * block manager warnings still show.
     */
    static final Filter BENIGN_RACES = regexDeny(".*(already exists on this machine; not re-adding it"
            + "|Asked to remove block broadcast_[0-9]+(_piece[0-9]+)?, which does not exist).*");

    /** Spark's utility logger, which reports exceptions that end a background thread's task. */
    static final String UTILS = "org.apache.spark.util.Utils";
    /** The local-mode executor's logger. */
    static final String EXECUTOR = "org.apache.spark.executor.Executor";

    /** Adds the filters for Spark's benign races, once per logging configuration. */
    private static void hideBenignRaces() {
        LoggerContext context = LoggerContext.getContext(false);
        Configuration config = context.getConfiguration();
        boolean added = addOnce(config, BLOCK_MANAGER, BENIGN_RACES);
        added |= addOnce(config, UTILS, AccumulatorRaceFilter.INSTANCE);
        added |= addOnce(config, EXECUTOR, AccumulatorRaceFilter.INSTANCE);
        if (added) {
            context.updateLoggers();
        }
    }

    private static boolean addOnce(Configuration config, String loggerName, Filter filter) {
        LoggerConfig logger = config.getLoggerConfig(loggerName);
        if (!logger.getName().equals(loggerName)) {
            // No level of its own: it keeps inheriting the root's, which the caller just set.
            logger = LoggerConfig.newBuilder().withLoggerName(loggerName).withAdditivity(true)
                    .withConfig(config).build();
            config.addLogger(loggerName, logger);
        }
        if (holds(logger.getFilter(), filter)) {
            return false;
        }
        logger.addFilter(filter);
        return true;
    }

    private static boolean holds(Filter filter, Filter wanted) {
        if (filter instanceof CompositeFilter composite) {
            return composite.getFiltersArray() != null && java.util.Arrays.asList(composite.getFiltersArray()).contains(wanted);
        }
        return filter == wanted;
    }

    private static Filter regexDeny(String regex) {
        try {
            return RegexFilter.createFilter(regex, null, false, Filter.Result.DENY, Filter.Result.NEUTRAL);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Log4j refused the block manager's filter", e);
        }
    }
}
