package dev.mlsandbox.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.model.LoadedModel;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.tracking.Tracking;

/**
 * {@code bin/sandbox example registry}: trains a churn pipeline, logs it as an MLflow model with
 * an inferred signature, registers it as {@code main.ml.churn}, points {@code @champion} at it and
 * loads {@code models:/main.ml.churn@champion} back to score. {@code sandbox.registry()} talks to
 * the sandbox's own tracking server, started in this JVM (store under a temporary directory).
 */
public final class RegistryExample {
    private RegistryExample() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("registry-example");
        // The sandbox's tracking server carries the registry: runs and models in one store.
        try (Sandbox sandbox = Sandbox.builder().trackingDirectory(dir).build()) {
            Registry registry = sandbox.registry();
            Tracking tracking = sandbox.tracking().client();
            Dataset<Row> data = ChurnData.generate(sandbox.spark(), ChurnSpec.rows(1_000)).drop(ChurnData.ID);
            PipelineModel model = new Pipeline().setStages(new PipelineStage[]{
                    new StringIndexer().setInputCol(ChurnData.PLAN).setOutputCol("plan_idx"),
                    new VectorAssembler().setInputCols(new String[]{"plan_idx", ChurnData.TENURE, ChurnData.CALLS})
                            .setOutputCol("features"),
                    new LogisticRegression().setLabelCol(ChurnData.LABEL)}).fit(data);
            Dataset<Row> inputs = data.drop(ChurnData.LABEL);
            // MLflow >= 2.15 types vector columns (sparkml_vector): the probability joins the outputs
            ModelSignature signature = ModelSignature.infer(inputs, model.transform(inputs).select("prediction", "probability"));

            String runId = tracking.startRun(tracking.experiment("registry-example"), "churn", Map.of()).getRunId();
            String source = registry.logSparkModel(runId, "model", model, signature, inputs.limit(5));
            registry.createModel("main.ml.churn", "churn classifier");
            long version = registry.createVersion("main.ml.churn", source, runId).version();
            registry.setAlias("main.ml.churn", "Champion", version);
            tracking.client().setTerminated(runId);   // the run that produced the model ends FINISHED

            LoadedModel champion = registry.load("models:/main.ml.churn@champion", dir.resolve("cache"));
            System.out.println("registered main.ml.churn version " + version + " from " + source);
            System.out.println("signature inputs: " + signature.inputs().toJson());
            System.out.println("signature outputs: " + signature.outputs().toJson());
            System.out.println("@champion -> v" + registry.versionByAlias("main.ml.churn", "champion").version()
                    + "; scored " + champion.score(inputs.limit(100)).count() + " rows");
        }
    }
}
