package dev.mlsandbox.spark;

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
                .config("spark.driver.bindAddress", "127.0.0.1");
        settings.extraConfig().forEach(builder::config);
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
        Configurator.setLevel("org.apache.spark.util.Utils", Level.ERROR);
        Configurator.setLevel("org.apache.spark.util.SparkStringUtils", Level.ERROR);
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

    /** Adds {@link #BENIGN_RACES} to the block manager's logger, once per logging configuration. */
    private static void hideBenignRaces() {
        LoggerContext context = LoggerContext.getContext(false);
        Configuration config = context.getConfiguration();
        LoggerConfig logger = config.getLoggerConfig(BLOCK_MANAGER);
        if (!logger.getName().equals(BLOCK_MANAGER)) {
            // No level of its own: it keeps inheriting the root's, which the caller just set.
            logger = LoggerConfig.newBuilder().withLoggerName(BLOCK_MANAGER).withAdditivity(true)
                    .withConfig(config).build();
            config.addLogger(BLOCK_MANAGER, logger);
        }
        if (!holds(logger.getFilter(), BENIGN_RACES)) {
            logger.addFilter(BENIGN_RACES);
            context.updateLoggers();
        }
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
