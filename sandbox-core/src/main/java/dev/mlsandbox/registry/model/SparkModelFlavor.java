package dev.mlsandbox.registry.model;

import dev.mlsandbox.http.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlsandbox.registry.signature.ModelSignature;

/**
 * Saves a Spark {@link PipelineModel} as an MLflow model directory and loads it back:
 * <pre>
 * model/
 *   MLmodel                      flavors spark + python_function, signature, run id, uuid
 *   sparkml/                     PipelineModel.save
 *   input_example.json           {"columns": [...], "data": [[...]]}  (pandas "split" orient)
 *   serving_input_example.json   {"dataframe_split": ...}  (what a serving request looks like)
 * </pre>
 */
public final class SparkModelFlavor {

    public static final String MODEL_DATA = "sparkml";
    public static final String INPUT_EXAMPLE = "input_example.json";
    public static final String SERVING_INPUT_EXAMPLE = "serving_input_example.json";
    private static final ObjectMapper JSON = Json.mapper();

    private SparkModelFlavor() {
    }

    /**
     * Writes the model directory.
     *
     * @param signature    the signature (null writes a model Unity Catalog will refuse)
     * @param inputExample a few rows of model input, or null for none; the first 5 rows are kept
     * @param runId        the run that logs the model, or null
     */
    public static MlmodelFile save(PipelineModel model, Path dir, ModelSignature signature, Dataset<Row> inputExample,
                                   String runId, String artifactPath) throws IOException {
        Files.createDirectories(dir);
        model.write().overwrite().save(dir.resolve(MODEL_DATA).toAbsolutePath().toString());
        Map<String, Object> exampleInfo = null;
        if (inputExample != null) {
            writeInputExample(inputExample, dir);
            exampleInfo = new LinkedHashMap<>();
            exampleInfo.put("artifact_path", INPUT_EXAMPLE);
            exampleInfo.put("pandas_orient", "split");
            exampleInfo.put("serving_input_path", SERVING_INPUT_EXAMPLE);
            exampleInfo.put("type", "dataframe");
        }
        String sparkVersion = org.apache.spark.package$.MODULE$.SPARK_VERSION();
        Map<String, Object> pyfunc = new LinkedHashMap<>();
        pyfunc.put("data", MODEL_DATA);
        pyfunc.put("loader_module", "mlflow.spark");
        Map<String, Object> spark = new LinkedHashMap<>();
        spark.put("code", null);
        spark.put("model_class", "pyspark.ml.pipeline.PipelineModel");
        spark.put("model_data", MODEL_DATA);
        spark.put("pyspark_version", sparkVersion);
        Map<String, Map<String, Object>> flavors = new LinkedHashMap<>();
        flavors.put("python_function", pyfunc);
        flavors.put("spark", spark);
        MlmodelFile file = new MlmodelFile(artifactPath == null ? "model" : artifactPath, runId,
                MlmodelFile.utcTime(Instant.now()), MlmodelFile.MLFLOW_VERSION,
                UUID.randomUUID().toString().replace("-", ""), flavors, signature, exampleInfo);
        file.write(dir);
        return file;
    }

    private static void writeInputExample(Dataset<Row> example, Path dir) throws IOException {
        List<Row> rows = example.limit(5).collectAsList();
        List<List<Object>> data = new ArrayList<>();
        for (Row r : rows) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                values.add(v instanceof java.util.Date || v instanceof java.time.temporal.Temporal ? v.toString() : v);
            }
            data.add(values);
        }
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("columns", List.of(example.columns()));
        split.put("data", data);
        JSON.writeValue(dir.resolve(INPUT_EXAMPLE).toFile(), split);
        JSON.writeValue(dir.resolve(SERVING_INPUT_EXAMPLE).toFile(), Map.of("dataframe_split", split));
    }

    /** Loads a directory written here (or by {@code mlflow.spark.log_model}). */
    public static LoadedModel load(Path dir) throws IOException {
        MlmodelFile file = MlmodelFile.read(dir);
        Map<String, Object> spark = file.flavor("spark").orElseThrow(() -> new IOException(
                "the MLflow model in " + dir + " has no 'spark' flavor (flavors: " + file.flavors().keySet()
                        + "); only Spark ML models load as a PipelineModel"));
        Object data = spark.getOrDefault("model_data", MODEL_DATA);
        Path modelData = dir.resolve(String.valueOf(data));
        if (!Files.isDirectory(modelData)) {
            throw new IOException("the spark flavor of " + dir + " points at " + data + ", which is not a directory");
        }
        return new LoadedModel(dir, file, PipelineModel.load(modelData.toAbsolutePath().toString()));
    }
}
