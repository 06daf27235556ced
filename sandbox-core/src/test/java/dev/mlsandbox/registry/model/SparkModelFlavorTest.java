package dev.mlsandbox.registry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.registry.signature.SchemaViolation;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.testing.SharedSpark;

class SparkModelFlavorTest {

    @Test
    void savesTheMlflowLayoutAndLoadsItBackToScore(@TempDir Path tmp) throws Exception {
        Dataset<Row> data = ChurnData.generate(SharedSpark.session(), ChurnSpec.rows(300)).drop(ChurnData.ID);
        PipelineModel model = new Pipeline().setStages(new PipelineStage[]{
                new StringIndexer().setInputCol("plan").setOutputCol("plan_idx"),
                new VectorAssembler().setInputCols(new String[]{"plan_idx", "tenure_months", "support_calls"}).setOutputCol("features"),
                new LogisticRegression().setLabelCol(ChurnData.LABEL).setMaxIter(5)}).fit(data);
        Dataset<Row> input = data.drop(ChurnData.LABEL).drop(ChurnData.CHARGES);
        ModelSignature sig = ModelSignature.infer(input, model.transform(input).select("prediction"));
        Path dir = tmp.resolve("model");
        SparkModelFlavor.save(model, dir, sig, input, "0123456789abcdef0123456789abcdef", "model");

        String yaml = Files.readString(dir.resolve("MLmodel"));
        Map<?, ?> parsed = new YAMLMapper().readValue(yaml, Map.class);
        Map<?, ?> flavors = (Map<?, ?>) parsed.get("flavors");
        assertEquals("mlflow.spark", ((Map<?, ?>) flavors.get("python_function")).get("loader_module"));
        assertEquals("sparkml", ((Map<?, ?>) flavors.get("spark")).get("model_data"));
        assertEquals("0123456789abcdef0123456789abcdef", parsed.get("run_id"));
        // inputs is a JSON string inside the YAML, as MLflow writes it
        Object inputs = ((Map<?, ?>) parsed.get("signature")).get("inputs");
        assertTrue(inputs.toString().startsWith("[{\"type\": \"string\", \"name\": \"plan\", \"required\": true}"), yaml);
        assertTrue(yaml.contains("utc_time_created: \""), "the time is quoted so PyYAML keeps it a string");
        assertTrue(Files.isDirectory(dir.resolve("sparkml/stages")));
        assertTrue(Files.readString(dir.resolve("input_example.json")).startsWith("{\"columns\":[\"plan\""));

        LoadedModel loaded = SparkModelFlavor.load(dir);
        assertEquals(sig, loaded.mlmodel().signature());
        assertEquals(32, loaded.mlmodel().modelUuid().length());
        List<Row> before = model.transform(input).select("prediction").collectAsList();
        List<Row> after = loaded.score(input).select("prediction").collectAsList();
        assertEquals(before, after);
        assertThrows(SchemaViolation.class, () -> loaded.score(input.drop("support_calls")));
    }

    @Test
    void parsesAnMlmodelWrittenByPythonMlflow() {
        String yaml = String.join("\n",
                "artifact_path: model",
                "flavors:",
                "  python_function: {data: sparkml, loader_module: mlflow.spark}",
                "  spark: {model_data: sparkml, pyspark_version: 3.5.1}",
                "mlflow_version: 2.17.2",
                "model_uuid: 5d3b",
                "utc_time_created: '2024-10-01 10:00:00.000000'");
        MlmodelFile f = MlmodelFile.parse(yaml, "MLmodel");
        assertNull(f.signature());
        assertEquals("3.5.1", f.flavor("spark").orElseThrow().get("pyspark_version"));
        assertThrows(IllegalArgumentException.class, () -> MlmodelFile.parse("a: 1", "MLmodel"));
    }
}
