package dev.mlsandbox.lab;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.report.Provenance;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.Takeaway;

/** What a lab runs against: the shared SparkSession, a progress sink, and where its run is logged. */
public final class LabContext {

    private final SparkSession spark;
    private final Progress progress;
    private final RunTracker tracking;

    /** Logs nowhere; {@code sandbox.context()} logs to the sandbox's tracking server or MLFLOW_TRACKING_URI. */
    public LabContext(SparkSession spark, Progress progress) {
        this(spark, progress, RunTracker.none());
    }

    /** @param tracking where labs log their runs ({@link RunTracker#none()} to log nowhere) */
    public LabContext(SparkSession spark, Progress progress, RunTracker tracking) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.progress = progress == null ? Progress.none() : progress;
        this.tracking = tracking == null ? RunTracker.none() : tracking;
    }

    /**
     * Where the lab logs its run (params, per-fold metrics, tags, the report as an artifact):
     * disabled unless MLFLOW_TRACKING_URI is set or {@code sandbox.tracking().start()} was called.
     */
    public RunTracker tracking() {
        return tracking;
    }

    /**
     * Runs a lab's work inside its tracking run (a no-op run when tracking is off): the run is
     * named {@code <lab>-seed-<seed>} in the experiment {@code <lab>}, tagged with the lab, the
     * sandbox version, the seed and the Spark version, and gets the options' parameters as params.
     * After the work returns, the report's takeaways are logged as metrics (each takeaway's measure
     * and value, when finite), the report is uploaded as artifacts and the run ends FINISHED; if
     * the work throws it ends FAILED. The work may log metrics of its own (per fold, per window),
     * and puts {@code run.mlflowRun()} into its result so the report links to the run.
     */
    public <R extends LabResult> R logged(String lab, LabOptions options, Function<TrackedRun, R> work) {
        Map<String, String> tags = Map.of("sandbox.lab", lab, "sandbox.version", BuildInfo.sandboxVersion(), "sandbox.seed",
                Long.toString(options.seed()), "sandbox.spark", spark.version());
        try (TrackedRun run = tracking.start(lab, lab + "-seed-" + options.seed(), tags)) {
            try {
                run.params(options.toParameters());
                R result = work.apply(run);
                if (run.enabled()) {
                    Report report = result.report();
                    run.metrics(takeawayMetrics(report), 0);
                    run.report(report);
                }
                return result;
            } catch (RuntimeException | Error e) {
                run.fail();
                throw e;
            }
        }
    }

    /** A report's takeaways as metrics: measure to value; MLflow has no use for a non-finite one. */
    static Map<String, Double> takeawayMetrics(Report report) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Takeaway t : report.takeaways()) {
            if (Double.isFinite(t.value())) {
                metrics.put(t.measure(), t.value());
            }
        }
        return metrics;
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

        /** Provenance of a lab run: its options' seed and parameters, and the size of its main data set. */
        public Provenance provenance(LabOptions options, long rows) {
            return provenance(options.seed(), rows, options.toParameters());
        }

        public Provenance provenance(long seed, long rows, Map<String, String> parameters) {
            return new Provenance(BuildInfo.sandboxVersion(), spark.version(), BuildInfo.scalaVersion(),
                    BuildInfo.javaVersion(), master(), seed, rows, startedAt.toString(), elapsedSeconds(), parameters);
        }
    }
}
