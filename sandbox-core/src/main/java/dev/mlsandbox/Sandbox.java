package dev.mlsandbox;

import java.nio.file.Path;
import java.util.Objects;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.LabOptions;
import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.lab.LabRunner;
import dev.mlsandbox.lab.Progress;
import dev.mlsandbox.pipeline.lab.PipelineLab;
import dev.mlsandbox.pipeline.lab.PipelineLabOptions;
import dev.mlsandbox.pipeline.lab.PipelineLabResult;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.spark.SessionSettings;
import dev.mlsandbox.spark.SparkSessions;
import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.lab.RegistryLab;
import dev.mlsandbox.registry.lab.RegistryLabOptions;
import dev.mlsandbox.registry.lab.RegistryLabResult;
import dev.mlsandbox.registry.server.RegistryOptions;
import dev.mlsandbox.registry.server.RegistryServer;
import dev.mlsandbox.serving.client.ServingClient;
import dev.mlsandbox.serving.server.ServingModule;
import dev.mlsandbox.serving.server.ServingOptions;
import dev.mlsandbox.tracking.EmbeddedTracking;
import dev.mlsandbox.tracking.TrackingServer;
import dev.mlsandbox.tracking.lab.TrackingLab;
import dev.mlsandbox.tracking.lab.TrackingLabOptions;
import dev.mlsandbox.tracking.lab.TrackingLabResult;
import dev.mlsandbox.drift.lab.DriftLab;
import dev.mlsandbox.drift.lab.DriftLabOptions;
import dev.mlsandbox.drift.lab.DriftLabResult;
import dev.mlsandbox.retraining.lab.RetrainingLab;
import dev.mlsandbox.retraining.lab.RetrainingLabOptions;
import dev.mlsandbox.retraining.lab.RetrainingLabResult;
import dev.mlsandbox.tuning.lab.TuningLab;
import dev.mlsandbox.tuning.lab.TuningLabOptions;
import dev.mlsandbox.tuning.lab.TuningLabResult;

/**
 * The front door: one object a notebook or program creates. It owns the JVM's SparkSession and
 * hands out the labs and tools.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.local()) {
 *     var result = sandbox.pipelineLab().run();
 *     result.report();   // render it, or read the numbers from the result
 * }
 * }</pre>
 *
 * <p>Spark allows one SparkContext per JVM: every Sandbox in a JVM shares it. {@link #close()}
 * stops it if this Sandbox started it; a session that was already running when the Sandbox was
 * built (by a test harness, or the notebook's own code) is left to whoever started it.
 */
public final class Sandbox implements AutoCloseable {

    private final SessionSettings settings;
    private final SparkSession spark;
    private final Progress progress;
    private final boolean ownsSession;
    private final EmbeddedTracking tracking;
    private Registry registry;
    private ServingClient serving;

    private Sandbox(SessionSettings settings, Progress progress, Path trackingDirectory) {
        this.settings = settings;
        // Every embedded server carries the registry: models register where their runs were logged.
        // and serving: endpoints resolve their models through that registry
        this.tracking = new EmbeddedTracking(trackingDirectory, b -> {
            RegistryServer.install(b, RegistryOptions.unityCatalog(TrackingServer.artifactsIn(trackingDirectory)));
            ServingModule.install(b, ServingOptions.in(trackingDirectory.resolve("serving-cache")).withSpark(this::spark));
            return b;
        });
        // A session started by someone else (a test harness, the notebook's own code) is theirs to stop.
        this.ownsSession = !SparkSessions.isRunning();
        this.spark = SparkSessions.getOrCreate(settings);
        this.progress = progress;
    }

    /** Local mode on every core ({@code local[*]}), UI off, quiet logging; or the master named by
     * the {@value SessionSettings#MASTER_ENV} environment variable when it is set. */
    public static Sandbox local() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public SparkSession spark() {
        return spark;
    }

    public SessionSettings settings() {
        return settings;
    }

    /** The master URL the session runs on. */
    public String master() {
        return spark.sparkContext().master();
    }

    /** The seeded synthetic churn table (see {@link ChurnSpec} for the known relation). */
    public Dataset<Row> churn(ChurnSpec spec) {
        return ChurnData.generate(spark, spec);
    }

    /** The context labs run against: this session, this sandbox's progress sink, and where runs are logged. */
    public LabContext context() {
        return new LabContext(spark, progress, tracking.runLogger());
    }

    /**
     * Experiment tracking: {@code sandbox.tracking().start()} starts an MLflow-compatible server in
     * this JVM (store and artifacts under ./mlruns) and returns its URI; labs then log their runs
     * to it. Without it, labs log to MLFLOW_TRACKING_URI when that is set.
     */
    public EmbeddedTracking tracking() {
        return tracking;
    }

    /**
     * The model registry, Unity Catalog flavoured ({@code catalog.schema.model} names, immutable
     * versions, aliases such as {@code @champion}, signatures required): a client of the embedded
     * server, which also carries the registry's endpoints and is started here if it is not running.
     * With {@code MLFLOW_TRACKING_URI} set and no embedded server started, the client talks to that
     * server instead, as MLflow's registry URI defaults to its tracking URI.
     *
     * <pre>{@code
     * Registry registry = sandbox.registry();
     * registry.createModel("main.ml.churn", "churn model");
     * }</pre>
     */
    public synchronized Registry registry() {
        if (registry == null) {
            registry = Registry.connect(tracking.uri().orElseGet(tracking::start));
        }
        return registry;
    }

    /**
     * Serving endpoints, Databricks' REST shape: a client of the embedded server (started here if
     * it is not running), or of MLFLOW_TRACKING_URI's server when that is set and none was started.
     *
     * <pre>{@code
     * ServingClient serving = sandbox.serving();
     * serving.create("churn", EndpointConfig.of(ServedEntity.of("main.ml.churn", 1)));
     * serving.awaitReady("churn", Duration.ofMinutes(1));
     * serving.invoke("churn", "{\"dataframe_split\": {...}}");
     * }</pre>
     */
    public synchronized ServingClient serving() {
        if (serving == null) {
            serving = ServingClient.connect(tracking.uri().orElseGet(tracking::start));
        }
        return serving;
    }

    /*
     * The labs, one accessor each, named <area>Lab after the catalog's lab names. Each returns the
     * lab bound to this sandbox: run() with the documented defaults, run(options), or run(parameters)
     * with parameter text; lab(descriptor) does the same for any lab, in the catalog or not.
     */

    /** The Pipeline lab: Estimator, Transformer, PipelineModel, handleInvalid, leakage, save/load. */
    public LabRunner<PipelineLabOptions, PipelineLabResult> pipelineLab() {
        return lab(PipelineLab.DESCRIPTOR);
    }

    /** The tuning lab: CrossValidator vs TrainValidationSplit, cost and variance measured. */
    public LabRunner<TuningLabOptions, TuningLabResult> tuningLab() {
        return lab(TuningLab.DESCRIPTOR);
    }

    /** The tracking lab: team experiments, searches and the MLflow client's failure modes. */
    public LabRunner<TrackingLabOptions, TrackingLabResult> trackingLab() {
        return lab(TrackingLab.DESCRIPTOR);
    }

    /** The registry lab: versions, aliases, signatures, grants, promotion and rollback, Unity Catalog way. */
    public LabRunner<RegistryLabOptions, RegistryLabResult> registryLab() {
        return lab(RegistryLab.DESCRIPTOR);
    }

    /** The drift lab; the engine itself is {@link dev.mlsandbox.drift.DriftEngine}. */
    public LabRunner<DriftLabOptions, DriftLabResult> driftLab() {
        return lab(DriftLab.DESCRIPTOR);
    }

    /** The retraining lab; the loop itself is {@link dev.mlsandbox.retraining.RetrainingLoop}. */
    public LabRunner<RetrainingLabOptions, RetrainingLabResult> retrainingLab() {
        return lab(RetrainingLab.DESCRIPTOR);
    }

    /** Any lab, bound to this sandbox: {@code sandbox.lab(FooLab.DESCRIPTOR).run(options)}. */
    public <O extends LabOptions, R extends LabResult> LabRunner<O, R> lab(LabDescriptor<O, R> descriptor) {
        return new LabRunner<>(this::context, descriptor);
    }

    /** Runs any lab against this sandbox's session. */
    public <R extends LabResult> R run(Lab<R> lab) {
        return lab.run(context());
    }

    /** Stops the SparkSession if this Sandbox started it. */
    @Override
    public void close() {
        synchronized (this) {
            if (registry != null) {
                registry.close();
                registry = null;
            }
            serving = null;
        }
        tracking.close();
        if (ownsSession) {
            spark.stop();
        }
    }

    /** Chooses the master and session settings; every setting has a default. */
    public static final class Builder {
        private SessionSettings settings = SessionSettings.fromEnvironment();
        private Progress progress = Progress.none();
        private Path trackingDirectory = Path.of("mlruns");

        private Builder() {
        }

        /** Where the embedded tracking server keeps its store and artifacts (default ./mlruns). */
        public Builder trackingDirectory(Path directory) {
            trackingDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Any Spark master URL: {@code local[*]}, {@code local[2]}, {@code spark://host:7077}, ... */
        public Builder master(String master) {
            settings = settings.withMaster(master);
            return this;
        }

        public Builder appName(String appName) {
            settings = settings.withAppName(appName);
            return this;
        }

        public Builder shufflePartitions(int partitions) {
            settings = settings.withShufflePartitions(partitions);
            return this;
        }

        /**
         * Spark's log level: WARN by default, INFO or DEBUG to see what Spark does. It applies when
         * this Sandbox starts the session; a session that was already running keeps the logging its
         * owner set.
         */
        public Builder logLevel(String level) {
            settings = settings.withLogLevel(level);
            return this;
        }

        public Builder config(String key, String value) {
            settings = settings.withConfig(key, value);
            return this;
        }

        public Builder progress(Progress sink) {
            progress = Objects.requireNonNull(sink, "progress");
            return this;
        }

        public Builder settings(SessionSettings all) {
            settings = Objects.requireNonNull(all, "settings");
            return this;
        }

        public Sandbox build() {
            return new Sandbox(settings, progress, trackingDirectory);
        }
    }
}
