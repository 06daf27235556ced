package dev.mlsandbox.lab;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import dev.mlsandbox.tracking.RunLogger;

import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.report.Provenance;

/** What a lab runs against: the shared SparkSession and a progress sink. */
public final class LabContext {

    private final SparkSession spark;
    private final Progress progress;
    private final RunLogger tracking;

    public LabContext(SparkSession spark, Progress progress) {
        this(spark, progress, RunLogger.fromEnvironment());
    }

    /** @param tracking where labs log their runs ({@link RunLogger#none()} to log nowhere) */
    public LabContext(SparkSession spark, Progress progress, RunLogger tracking) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.progress = progress == null ? Progress.none() : progress;
        this.tracking = tracking == null ? RunLogger.none() : tracking;
    }

    /**
     * Where the lab logs its run (params, per-fold metrics, tags, the report as an artifact):
     * disabled unless MLFLOW_TRACKING_URI is set or {@code sandbox.tracking().start()} was called.
     */
    public RunLogger tracking() {
        return tracking;
    }

    public SparkSession spark() {
        return spark;
    }

    public Progress progress() {
        return progress;
    }

    public String master() {
        return spark.sparkContext().master();
    }

    /** A clock for provenance: call at the start of a run, then {@link Clock#provenance}. */
    public Clock startClock() {
        return new Clock(Instant.now(), System.nanoTime());
    }

    /** The start of a run; turns into provenance when the run ends. */
    public final class Clock {
        private final Instant startedAt;
        private final long startNanos;

        private Clock(Instant startedAt, long startNanos) {
            this.startedAt = startedAt;
            this.startNanos = startNanos;
        }

        public double elapsedSeconds() {
            return (System.nanoTime() - startNanos) / 1e9;
        }

        public Provenance provenance(long seed, long rows, Map<String, String> parameters) {
            return new Provenance(BuildInfo.sandboxVersion(), spark.version(), BuildInfo.scalaVersion(),
                    BuildInfo.javaVersion(), master(), seed, rows, startedAt.toString(), elapsedSeconds(), parameters);
        }
    }
}
