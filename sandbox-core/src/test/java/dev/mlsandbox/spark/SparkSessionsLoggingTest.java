package dev.mlsandbox.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

import dev.mlsandbox.testing.SharedSpark;

/**
 * The quiet logging a notebook gets: Spark's benign-race warnings hidden, every other warning kept;
 * and none of it imposed on a session someone else started.
 */
class SparkSessionsLoggingTest {

    @Test
    void theBlockManagersBenignRaceWarningsAreHiddenAndItsOtherWarningsShow() {
        SparkSessions.quietLogging("WARN");
        SparkSessions.quietLogging("WARN");
        LoggerConfig blockManager = LoggerContext.getContext(false).getConfiguration()
                .getLoggerConfig(SparkSessions.BLOCK_MANAGER);
        assertEquals(SparkSessions.BLOCK_MANAGER, blockManager.getName());
        assertEquals(1, occurrences(blockManager.getFilter()), "added once, however often sessions are built");

        assertEquals(Filter.Result.DENY, decide(blockManager, "Block rdd_12_0 already exists on this machine; not re-adding it"));
        assertEquals(Filter.Result.DENY, decide(blockManager, "Asked to remove block broadcast_1057_piece0, which does not exist"));
        assertEquals(Filter.Result.DENY, decide(blockManager, "Asked to remove block broadcast_7, which does not exist"));
        assertEquals(Filter.Result.NEUTRAL, decide(blockManager, "Asked to remove block rdd_3_1, which does not exist"));
        assertEquals(Filter.Result.NEUTRAL, decide(blockManager, "Failed to report rdd_3_1 to master; giving up."));
        assertEquals(Level.WARN, blockManager.getLevel(), "it inherits the root's level");
        assertEquals(Level.ERROR, LoggerContext.getContext(false).getConfiguration()
                .getLoggerConfig("org.apache.spark.util.SparkStringUtils").getLevel(), "notes quieted at WARN");
    }

    @Test
    void aSessionThatWasAlreadyRunningKeepsItsOwnersLogLevel() {
        SharedSpark.session();
        Level before = LogManager.getRootLogger().getLevel();
        try {
            Configurator.setRootLevel(Level.ERROR);   // what the session's owner chose
            SparkSessions.getOrCreate(SessionSettings.local().withLogLevel("INFO"));
            assertEquals(Level.ERROR, LogManager.getRootLogger().getLevel(), "attaching must not change the level");
        } finally {
            Configurator.setRootLevel(before);
        }
    }

    private static Filter.Result decide(LoggerConfig logger, String message) {
        return logger.getFilter().filter(Log4jLogEvent.newBuilder().setLoggerName(SparkSessions.BLOCK_MANAGER)
                .setLevel(Level.WARN).setMessage(new SimpleMessage(message)).build());
    }

    private static long occurrences(Filter filter) {
        if (filter instanceof CompositeFilter composite) {
            return Arrays.stream(composite.getFiltersArray()).filter(f -> f == SparkSessions.BENIGN_RACES).count();
        }
        return filter == SparkSessions.BENIGN_RACES ? 1 : 0;
    }
}
