package dev.mlsandbox.examples;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlflow.tracking.MlflowClient;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.model.LoadedModel;
import dev.mlsandbox.registry.server.RegistryOptions;
import dev.mlsandbox.registry.server.RegistryServer;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.tracking.TrackingServer;

/**
 * {@code bin/sandbox example registry}: trains a churn pipeline, logs it as an MLflow model with
 * an inferred signature, registers it as {@code main.ml.churn}, points {@code @champion} at it and
 * loads {@code models:/main.ml.churn@champion} back to score. The server runs in this JVM (store
 * under a temporary directory).
 */
public final class RegistryExample {
    private RegistryExample() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("registry-example");
        TrackingServer.Builder builder = TrackingServer.builder().port(0)
                .backendStoreUri("sqlite:///" + dir.resolve("mlruns.db")).artifactsDestination(dir.resolve("mlartifacts"));
        RegistryServer.install(builder, RegistryOptions.unityCatalog(dir.resolve("mlartifacts")));
        try (Sandbox sandbox = Sandbox.local(); TrackingServer server = builder.build().start();
                MlflowClient tracking = new MlflowClient(server.uri().toString())) {
            Dataset<Row> data = ChurnData.generate(sandbox.spark(), ChurnSpec.rows(1_000)).drop(ChurnData.ID);
            PipelineModel model = new Pipeline().setStages(new PipelineStage[]{
                    new StringIndexer().setInputCol(ChurnData.PLAN).setOutputCol("plan_idx"),
                    new VectorAssembler().setInputCols(new String[]{"plan_idx", ChurnData.TENURE, ChurnData.CALLS})
                            .setOutputCol("features"),
                    new LogisticRegression().setLabelCol(ChurnData.LABEL)}).fit(data);
            Dataset<Row> inputs = data.drop(ChurnData.LABEL);
            ModelSignature signature = ModelSignature.infer(inputs, model.transform(inputs).select("prediction"));

            Registry registry = Registry.connect(server.uri());
            String runId = tracking.createRun(tracking.createExperiment("registry-example")).getRunId();
            String source = registry.logSparkModel(runId, "model", model, signature, inputs.limit(5));
            registry.createModel("main.ml.churn", "churn classifier");
            long version = registry.createVersion("main.ml.churn", source, runId).version();
            registry.setAlias("main.ml.churn", "Champion", version);

            LoadedModel champion = registry.load("models:/main.ml.churn@champion", dir.resolve("cache"));
            System.out.println("registered main.ml.churn version " + version + " from " + source);
            System.out.println("signature inputs: " + signature.inputs().toJson());
            System.out.println("@champion -> v" + registry.versionByAlias("main.ml.churn", "champion").version()
                    + "; scored " + champion.score(inputs.limit(100)).count() + " rows");
        }
    }
}
