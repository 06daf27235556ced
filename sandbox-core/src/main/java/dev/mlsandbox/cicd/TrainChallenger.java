package dev.mlsandbox.cicd;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;

import dev.mlsandbox.bundle.run.ServerConnection;
import dev.mlsandbox.bundle.run.SandboxTask;
import dev.mlsandbox.bundle.run.TaskContext;
import dev.mlsandbox.registry.ChampionChallenger;
import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.RegistryEntities.ModelVersion;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.tracking.Tracking;

/**
 * The training task of a bundle's job: trains the churn pipeline on seeded rows, logs an MLflow run
 * (parameters, training AUC, the Spark model with its signature) on the run's server, registers the
 * model as a new version of the Unity Catalog model and points {@code @challenger} at it. The
 * version does not serve yet: {@link PromotionGate} decides whether it becomes {@code @champion}.
 * <pre>
 * - task_key: train
 *   spark_jar_task:
 *     main_class_name: dev.mlsandbox.cicd.TrainChallenger
 *     parameters: ["model=${resources.registered_models.model.id}",
 *                  "experiment_id=${resources.experiments.exp.id}", "rows=4000", "seed=7", "features=all"]
 * </pre>
 * Parameters: {@code model} (required, {@code catalog.schema.name}, already created: the bundle
 * deploys it); {@code experiment_id} or {@code experiment} (a name, created if absent; default
 * {@code /Shared/cicd}); {@code rows} (training rows, default 4000, at least 200); {@code seed}
 * (default 7); {@code features} ({@code all}, default, or {@code plan_region}: the worse model).
 * Task values: {@code model}, {@code version}, {@code run_id}, {@code train_auc}.
 */
public final class TrainChallenger implements SandboxTask {

    static final Set<String> PARAMETERS = Set.of("model", "experiment_id", "experiment", "rows", "seed", "features");

    @Override
    public void run(TaskContext context) {
        TaskArguments args = new TaskArguments("TrainChallenger", context.namedParameters(0), PARAMETERS);
        String model = args.required("model");
        String experimentId = args.string("experiment_id", null);
        String experimentName = args.string("experiment", "/Shared/cicd");
        int rows = args.positiveInt("rows", 4000, 200);
        long seed = args.longValue("seed", 7);
        String features = args.string("features", "all").toLowerCase(Locale.ROOT);
        args.done();
        if (!ChurnModels.FEATURE_SETS.contains(features)) {
            throw new IllegalArgumentException("TrainChallenger: features=" + features + " is not a feature set: use one of "
                    + ChurnModels.FEATURE_SETS);
        }
        ServerConnection server = context.server();

        Dataset<Row> train = ChurnModels.rows(context.spark(), rows, seed).cache();
        try {
            PipelineModel fitted = ChurnModels.fit(train, features);
            double trainAuc = new BinaryClassificationEvaluator().setLabelCol(ChurnModels.LABEL).evaluate(fitted.transform(train));
            Dataset<Row> inputs = train.drop(ChurnModels.LABEL);
            ModelSignature signature = ModelSignature.infer(inputs, fitted.transform(inputs.limit(20)).select("prediction"));

            try (Tracking tracking = Tracking.connect(server.uri()); Registry registry = Servers.registry(server)) {
                String experiment = experimentId != null ? experimentId : tracking.experiment(experimentName);
                RunInfo run = tracking.startRun(experiment, context.taskKey() + "-" + context.runId(), Map.of(
                        "sandbox.job", context.jobName(), "sandbox.job_run_id", Long.toString(context.runId()),
                        "sandbox.task", context.taskKey()));
                String runId = run.getRunId();
                var client = tracking.client();
                client.logParam(runId, "rows", Integer.toString(rows));
                client.logParam(runId, "seed", Long.toString(seed));
                client.logParam(runId, "features", features);
                client.logMetric(runId, "train_auc", trainAuc);
                String source = registry.logSparkModel(runId, "model", fitted, signature, inputs.limit(5));
                client.setTerminated(runId, RunStatus.FINISHED);
                ModelVersion v = new ChampionChallenger(registry, model, ChurnModels.LABEL,
                        context.outputDirectory().resolve("models")).registerChallenger(source, runId);
                context.setValue("model", model);
                context.setValue("version", v.version());
                context.setValue("run_id", runId);
                context.setValue("train_auc", String.format(Locale.ROOT, "%.4f", trainAuc));
            }
        } finally {
            train.unpersist();
        }
    }
}
