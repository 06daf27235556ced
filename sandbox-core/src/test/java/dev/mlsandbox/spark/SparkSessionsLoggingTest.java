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

    @Test
    void theAccumulatorRaceIsHiddenOnlyWhereItIsHarmless() {
        SparkSessions.quietLogging("WARN");
        SparkSessions.quietLogging("WARN");
        var config = LoggerContext.getContext(false).getConfiguration();
        LoggerConfig utils = config.getLoggerConfig(SparkSessions.UTILS);
        LoggerConfig executor = config.getLoggerConfig(SparkSessions.EXECUTOR);
        assertEquals(SparkSessions.EXECUTOR, executor.getName());
        assertEquals(1, occurrences(utils.getFilter(), AccumulatorRaceFilter.INSTANCE), "added once");
        assertEquals(1, occurrences(executor.getFilter(), AccumulatorRaceFilter.INSTANCE), "added once");

        // As Spark 4.2 logs them (frames abridged from a real run).
        Throwable driverSide = npe(frame(AccumulatorRaceFilter.ACCUMULATOR, "value"),
                frame("org.apache.spark.scheduler.TaskSchedulerImpl", "executorHeartbeatReceived"),
                frame("org.apache.spark.HeartbeatReceiver$$anonfun$receiveAndReply$1$$anon$1", "run"));
        Throwable executorSide = npe(frame(AccumulatorRaceFilter.ACCUMULATOR, "isZero"),
                frame("org.apache.spark.executor.Executor", "reportHeartBeat"),
                frame("org.apache.spark.Heartbeater$$anon$1", "run"));
        Throwable timeout = new org.apache.spark.rpc.RpcTimeoutException(
                "Cannot receive any reply from 127.0.0.1:36135 in 10000 milliseconds", new java.util.concurrent.TimeoutException());

        assertEquals(Filter.Result.DENY, decide(utils, Level.ERROR,
                "Uncaught exception in thread heartbeat-receiver-event-loop-thread", driverSide));
        assertEquals(Filter.Result.NEUTRAL, decide(utils, Level.ERROR,
                "Uncaught exception in thread executor-heartbeater", executorSide), "heartbeats stop: stays visible");
        assertEquals(Filter.Result.NEUTRAL, decide(utils, Level.ERROR, "Uncaught exception in thread x",
                npe(frame("org.apache.spark.HeartbeatReceiver", "run"))));
        assertEquals(Filter.Result.DENY, decide(executor, Level.WARN, AccumulatorRaceFilter.HEARTBEAT_UNANSWERED, timeout));
        assertEquals(Filter.Result.NEUTRAL, decide(executor, Level.WARN, AccumulatorRaceFilter.HEARTBEAT_UNANSWERED,
                new IllegalStateException("endpoint gone")));
        assertEquals(Filter.Result.NEUTRAL, decide(executor, Level.ERROR,
                "Exit as unable to send heartbeats to driver more than 60 times", null));
    }

    @Test
    void sessionsSendZeroValuedAccumulatorsSoTheRaceCannotStopHeartbeats() {
        assertEquals("false", SharedSpark.session().sparkContext().getConf()
                .get(SparkSessions.HEARTBEAT_DROP_ZEROES));
    }

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }

    private static Throwable npe(StackTraceElement... frames) {
        NullPointerException e = new NullPointerException("byPartition is null");
        e.setStackTrace(frames);
        return e;
    }

    private static Filter.Result decide(LoggerConfig logger, Level level, String message, Throwable thrown) {
        return logger.getFilter().filter(Log4jLogEvent.newBuilder().setLoggerName(logger.getName())
                .setLevel(level).setMessage(new SimpleMessage(message)).setThrown(thrown).build());
    }

    private static Filter.Result decide(LoggerConfig logger, String message) {
        return logger.getFilter().filter(Log4jLogEvent.newBuilder().setLoggerName(SparkSessions.BLOCK_MANAGER)
                .setLevel(Level.WARN).setMessage(new SimpleMessage(message)).build());
    }

    private static long occurrences(Filter filter) {
        return occurrences(filter, SparkSessions.BENIGN_RACES);
    }

    private static long occurrences(Filter filter, Filter wanted) {
        if (filter instanceof CompositeFilter composite) {
            return Arrays.stream(composite.getFiltersArray()).filter(f -> f == wanted).count();
        }
        return filter == wanted ? 1 : 0;
    }
}
