package dev.mlsandbox.retraining.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlflow.tracking.MlflowClient;

import dev.mlsandbox.registry.ChampionChallenger;
import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.RegistryEntities.ModelVersion;
import dev.mlsandbox.registry.local.LocalRegistry;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.retraining.AuditTrail;
import dev.mlsandbox.retraining.Strategy;
import dev.mlsandbox.retraining.TrainedModel;

/**
 * The audit trail on a real registry: an embedded tracking + Unity-Catalog-style registry server
 * ({@link LocalRegistry}), one registered model {@code <catalog>.<schema>.<strategy>} per
 * strategy, every trained model logged once as an MLflow Spark model in a run of the experiment
 * {@code retraining-lab}, and a version per retraining whose tags say what triggered it, what it
 * was trained on and what the gate decided ({@code model_validation_status}: PASSED, FAILED or
 * NOT_VALIDATED, the tag Databricks' MLOps workflow suggests). Aliases move through the REST API;
 * rollback is {@link ChampionChallenger#rollback()}.
 */
final class RegistryAuditTrail implements AuditTrail, AutoCloseable {

    static final String EXPERIMENT = "retraining-lab";

    private final LocalRegistry local;
    private final MlflowClient tracking;
    private final Registry registry;
    private final String schema;
    private final Dataset<Row> inputExample;
    /** Inferred from the first model logged: every model takes the same inputs and predicts a double. */
    private ModelSignature signature;
    private final String experiment;
    /** Model id -> {run id, source}: each trained model is logged once, however many strategies register it. */
    private final Map<String, String[]> logged = new HashMap<>();
    private int artifacts;

    /**
     * @param schema       {@code catalog.schema} the registered models live in
     * @param inputExample a few input rows, logged with each model (and the signature's inputs)
     */
    RegistryAuditTrail(String schema, Dataset<Row> inputExample) {
        this.schema = schema;
        this.inputExample = inputExample;
        this.local = LocalRegistry.start("retraining-lab");
        this.tracking = new MlflowClient(local.uri().toString());
        this.registry = local.registry();
        this.experiment = tracking.createExperiment(EXPERIMENT);
    }

    String uri() {
        return local.uri().toString();
    }

    /** Distinct models logged as MLflow artifacts. */
    int artifacts() {
        return artifacts;
    }

    String modelName(Strategy strategy) {
        return schema + "." + strategy.modelName();
    }

    @Override
    public long start(Strategy strategy, TrainedModel model, Map<String, String> tags) {
        registry.createModel(modelName(strategy), strategy.kind().summary() + (strategy.gated() ? ", behind a validation gate"
                : ", without validation") + " (retraining lab)");
        long v = register(strategy, model, tags);
        registry.deleteAlias(modelName(strategy), ChampionChallenger.CHALLENGER);
        registry.setAlias(modelName(strategy), ChampionChallenger.CHAMPION, v);
        return v;
    }

    @Override
    public long register(Strategy strategy, TrainedModel model, Map<String, String> tags) {
        String[] run = logged.computeIfAbsent(model.id(), id -> log(model));
        ModelVersion v = registry.createVersion(modelName(strategy), run[1], run[0], model.learner() + " model trained on the "
                + "labels of windows " + model.firstWindow() + "-" + model.lastWindow(), tags);
        registry.setAlias(modelName(strategy), ChampionChallenger.CHALLENGER, v.version());
        return v.version();
    }

    private String[] log(TrainedModel model) {
        String runId = tracking.createRun(experiment).getRunId();
        tracking.setTag(runId, "mlflow.runName", model.id());
        tracking.logParam(runId, "learner", model.learner());
        tracking.logParam(runId, "trained_on", "w" + model.firstWindow() + "-w" + model.lastWindow());
        if (signature == null) {
            signature = ModelSignature.infer(inputExample, model.pipeline().transform(inputExample).select("prediction"));
        }
        String source = registry.logSparkModel(runId, "model", model.pipeline(), signature, inputExample);
        tracking.setTerminated(runId);
        artifacts++;
        return new String[] {runId, source};
    }

    @Override
    public void promote(Strategy strategy, long version) {
        String name = modelName(strategy);
        long old = registry.versionByAlias(name, ChampionChallenger.CHAMPION).version();
        if (old != version) {
            registry.setAlias(name, ChampionChallenger.PREVIOUS, old);
        }
        registry.setAlias(name, ChampionChallenger.CHAMPION, version);
    }

    @Override
    public long rollback(Strategy strategy) {
        return new ChampionChallenger(registry, modelName(strategy), "label", local.directory().resolve("cache")).rollback()
                .championAfter();
    }

    @Override
    public List<VersionRecord> history(Strategy strategy) {
        List<VersionRecord> out = new ArrayList<>();
        for (ModelVersion v : registry.versions(modelName(strategy))) {
            out.add(new VersionRecord(v.version(), v.source(), v.tags(), v.aliases()));
        }
        out.sort(Comparator.comparingLong(VersionRecord::version));
        return out;
    }

    @Override
    public void close() {
        tracking.close();
        local.close();
    }
}
