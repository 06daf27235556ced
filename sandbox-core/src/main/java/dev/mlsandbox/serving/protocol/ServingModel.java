package dev.mlsandbox.serving.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.Json;
import dev.mlsandbox.http.MlflowException;
import dev.mlsandbox.registry.model.MlmodelFile;
import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.registry.signature.EnforcementResult;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.registry.signature.Schema;
import dev.mlsandbox.registry.signature.SchemaEnforcement;
import dev.mlsandbox.serving.InputFrame;
import dev.mlsandbox.serving.scorer.CompileReport;
import dev.mlsandbox.serving.scorer.CompileResult;
import dev.mlsandbox.serving.scorer.LoadedScorer;
import dev.mlsandbox.serving.scorer.SavedPipelineReader;
import dev.mlsandbox.serving.scorer.Scorer;
import dev.mlsandbox.serving.scorer.Scorers;
import dev.mlsandbox.serving.scorer.ScoringFailure;

/**
 * A model ready to answer scoring requests as an MLflow Spark model served by
 * {@code mlflow models serve} or Databricks Model Serving would: parse the body
 * ({@link RequestParser}), enforce the signature ({@link SchemaEnforcement}, the registry's one
 * implementation), score ({@link Scorer}, compiled or Spark), and answer
 * {@code {"predictions": [...]}}, the list of the prediction column's values that pyfunc's Spark
 * flavour returns. Every refusal is an {@link MlflowException}: 400 INVALID_PARAMETER_VALUE when
 * the rows do not fit the signature, 400 BAD_REQUEST for a malformed body or when the model itself
 * fails, 415 for a content type other than JSON or CSV. Immutable and thread-safe.
 */
public final class ServingModel {

    private final LoadedScorer loaded;
    private final ModelSignature signature;

    private ServingModel(LoadedScorer loaded, ModelSignature signature) {
        this.loaded = loaded;
        this.signature = signature;
    }

    /** A model and its signature (null for none: every request's columns go to the model as they are). */
    public static ServingModel of(LoadedScorer loaded, ModelSignature signature) {
        return new ServingModel(loaded, signature);
    }

    /**
     * Loads an MLflow model directory whose stages all compile, without Spark (no Spark class is
     * touched: this runs with no Spark jar on the class path). A model that needs Spark is an
     * {@link IOException} naming the stage; use {@link #load(Path, Supplier)} to allow the fallback.
     */
    public static ServingModel load(Path mlflowModelDir) throws IOException {
        MlmodelFile mlmodel = MlmodelFile.read(mlflowModelDir);
        CompileResult result = SavedPipelineReader.read(sparkData(mlflowModelDir, mlmodel));
        if (result.compiled() == null) {
            throw new IOException("the model in " + mlflowModelDir + " " + result.report().summary());
        }
        return new ServingModel(new LoadedScorer(result.compiled(), result.report()), mlmodel.signature());
    }

    /**
     * Loads an MLflow model directory ({@code MLmodel} + the Spark flavour's {@code sparkml/}).
     * When every stage compiles, no SparkSession is created: {@code spark} is called only for a
     * model that must fall back to Spark.
     */
    public static ServingModel load(Path mlflowModelDir, Supplier<SparkSession> spark) throws IOException {
        MlmodelFile mlmodel = MlmodelFile.read(mlflowModelDir);
        return new ServingModel(Scorers.load(sparkData(mlflowModelDir, mlmodel), spark), mlmodel.signature());
    }

    /** The Spark flavour's model directory ({@code model_data}, {@code sparkml/} by default). */
    private static Path sparkData(Path mlflowModelDir, MlmodelFile mlmodel) throws IOException {
        Map<String, Object> flavor = mlmodel.flavor("spark").orElseThrow(() -> new IOException("the MLflow model in "
                + mlflowModelDir + " has no 'spark' flavor (flavors: " + mlmodel.flavors().keySet() + ")"));
        Path data = mlflowModelDir.resolve(String.valueOf(flavor.getOrDefault("model_data", "sparkml")));
        if (!Files.isDirectory(data)) {
            throw new IOException("the spark flavor of " + mlflowModelDir + " points at " + data + ", which is not a directory");
        }
        return data;
    }

    public Scorer scorer() {
        return loaded.scorer();
    }

    /** How the model compiled: for an endpoint's state. */
    public CompileReport compileReport() {
        return loaded.report();
    }

    /** The signature, or null. */
    public ModelSignature signature() {
        return signature;
    }

    private Schema inputs() {
        return signature == null ? null : signature.inputs();
    }

    /** Parses a body; declared columns are cast to the signature's types. */
    public ScoringRequest parse(String body, String contentType) {
        return RequestParser.parse(body, contentType, inputs());
    }

    /**
     * The rows the model may score: the signature's columns in its order (extra columns dropped,
     * safe widenings applied), or the request as it is without a signature. A missing required
     * column or an unsafe type is 400 INVALID_PARAMETER_VALUE with MLflow's message.
     */
    public InputFrame enforce(ScoringRequest request) {
        return enforce(request, new ArrayList<>());
    }

    private InputFrame enforce(ScoringRequest request, List<String> warnings) {
        Schema declared = inputs();
        InputFrame frame = request.frame();
        if (declared == null) {
            return frame;
        }
        EnforcementResult result = SchemaEnforcement.check(declared, frame.columnTypes());
        if (!result.accepted()) {
            String data = PandasRepr.frame(frame);
            throw MlflowException.invalid("Failed to predict data '" + data + "'. \nError: Failed to enforce schema of data '"
                    + data + "' with schema '" + PandasRepr.schema(declared) + "'. Error: " + result.message());
        }
        warnings.addAll(result.warnings());
        // the declared columns present, in signature order (the first ones when the signature's columns are unnamed)
        InputFrame selected = frame.select(result.columns());
        return result.widened().isEmpty() ? selected : widen(selected, result.widened());
    }

    private static InputFrame widen(InputFrame frame, Map<String, ColumnType> widened) {
        List<ColumnType> types = new ArrayList<>(frame.types());
        int[] cols = new int[frame.columns().size()];
        for (int c = 0; c < cols.length; c++) {
            ColumnType to = widened.get(frame.columns().get(c));
            if (to != null) {
                types.set(c, to);
            }
        }
        List<Object[]> rows = new ArrayList<>(frame.size());
        for (int r = 0; r < frame.size(); r++) {
            Object[] row = frame.row(r);
            for (int c = 0; c < row.length; c++) {
                ColumnType to = widened.get(frame.columns().get(c));
                if (to != null && row[c] instanceof Number n) {
                    row[c] = to == ColumnType.LONG ? (Object) n.longValue() : (Object) n.doubleValue();
                }
            }
            rows.add(row);
        }
        return new InputFrame(frame.columns(), types, rows);
    }

    /** Scores enforced rows; a model failure is 400 BAD_REQUEST, as MLflow answers an exception in predict. */
    public List<Object> predict(InputFrame enforced) {
        try {
            return loaded.scorer().score(enforced).predictions();
        } catch (ScoringFailure e) {
            throw new MlflowException(ErrorCode.BAD_REQUEST, "Encountered an unexpected error while evaluating the model."
                    + " Verify that the serialized input Dataframe is compatible with the model for inference. Error: "
                    + e.getMessage());
        }
    }

    /** Parse, enforce, score, answer. */
    public Invocation invoke(String body, String contentType) {
        ScoringRequest request = parse(body, contentType);
        List<String> warnings = new ArrayList<>(request.warnings());
        InputFrame enforced = enforce(request, warnings);
        List<Object> predictions = predict(enforced);
        return new Invocation(request, enforced, predictions, responseBody(predictions), warnings);
    }

    /** {@code {"predictions": [...]}}. */
    public static String responseBody(List<Object> predictions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("predictions", predictions);
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("predictions are numbers and cannot fail to serialize", e);
        }
    }
}
