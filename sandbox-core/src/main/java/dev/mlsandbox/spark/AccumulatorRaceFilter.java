package dev.mlsandbox.spark;

import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * Hides what Spark 4.2's accumulator race (SPARK-59451) logs in local mode once
 * {@link SparkSessions} has made it harmless.
 *
 * <p>A cached Dataset's tasks carry a {@code PartitionKeyedAccumulator}; while a task is still
 * being deserialized, a heartbeat can read it half-built and throw a NullPointerException. With
 * zero-valued accumulators sent too ({@link SparkSessions#HEARTBEAT_DROP_ZEROES}), the throw
 * happens on the driver's side, which then skips that one reply: Spark logs the exception as an
 * ERROR, and ten seconds later the executor a WARN that the heartbeat went unanswered. The next
 * heartbeat goes through. This filter denies exactly those two events: one whose exception was
 * thrown inside that accumulator while the driver received a heartbeat (the same exception on the
 * executor's side, where it would stop heartbeats for good, stays visible: a session built
 * elsewhere may lack the setting), and the executor's unanswered-heartbeat warning, which in this
 * JVM can only come from the local-mode executor, whose driver is in-process (a real outage
 * still ends in Spark's ERROR after 60 missed heartbeats, which stays visible).
 */
final class AccumulatorRaceFilter extends AbstractFilter {

    static final String ACCUMULATOR = "org.apache.spark.sql.util.PartitionKeyedAccumulator";
    /** The driver's end of heartbeats (its Scala closures are nested classes of this name). */
    static final String HEARTBEAT_RECEIVER = "org.apache.spark.HeartbeatReceiver";
    static final String HEARTBEAT_UNANSWERED = "Issue communicating with driver in heartbeater";
    static final String RPC_TIMEOUT = "org.apache.spark.rpc.RpcTimeoutException";

    static final AccumulatorRaceFilter INSTANCE = new AccumulatorRaceFilter();

    private AccumulatorRaceFilter() {
        super(Filter.Result.DENY, Filter.Result.NEUTRAL);
    }

    @Override
    public Result filter(LogEvent event) {
        Throwable thrown = event.getThrown();
        if (thrown == null) {
            return onMismatch;
        }
        if (thrownInside(thrown, ACCUMULATOR) && thrownInside(thrown, HEARTBEAT_RECEIVER)) {
            return onMatch;
        }
        String message = event.getMessage() == null ? "" : event.getMessage().getFormattedMessage();
        boolean unanswered = message.startsWith(HEARTBEAT_UNANSWERED) && thrown.getClass().getName().equals(RPC_TIMEOUT);
        return unanswered ? onMatch : onMismatch;
    }

    private static boolean thrownInside(Throwable thrown, String className) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith(className)) {
                    return true;
                }
            }
        }
        return false;
    }
}
