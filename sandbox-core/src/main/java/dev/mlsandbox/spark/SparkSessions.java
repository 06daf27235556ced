package dev.mlsandbox.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the JVM's SparkSession with the sandbox defaults.
 *
 * <p>Spark allows one active SparkContext per JVM, so {@link #getOrCreate} returns the running
 * session when there is one: the tour, a notebook and a test suite all share a single session.
 */
public final class SparkSessions {

    private SparkSessions() {
    }

    public static SparkSession getOrCreate(SessionSettings settings) {
        quietLogging(settings.logLevel());
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
        session.sparkContext().setLogLevel(settings.logLevel());
        return session;
    }

    /**
     * Spark logs through Log4j 2; setting the level before the context starts also silences the
     * start-up chatter, which {@code setLogLevel} alone cannot reach.
     */
    static void quietLogging(String level) {
        Level parsed = Level.toLevel(level, Level.WARN);
        Configurator.setRootLevel(parsed);
        if (parsed.isMoreSpecificThan(Level.WARN)) {
            return;
        }
        // Noisy at WARN on a laptop and nothing to act on: native Hadoop libs, the loopback
        // hostname, and the one-time note that a plan's debug string was cut at 25 fields.
        Configurator.setLevel("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR);
        Configurator.setLevel("org.apache.spark.util.Utils", Level.ERROR);
        Configurator.setLevel("org.apache.spark.util.SparkStringUtils", Level.ERROR);
    }
}
