package dev.mlsandbox.registry.signature;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a model takes and returns: MLflow's {@code ModelSignature}, with inputs and outputs
 * (column- or tensor-based) and the optional inference parameters.
 *
 * @param inputs  what the model takes
 * @param outputs what it returns, or null (Unity Catalog refuses to register a model without them)
 * @param params  inference parameters with defaults, or null
 */
public record ModelSignature(Schema inputs, Schema outputs, ParamSchema params) {

    public ModelSignature {
        Objects.requireNonNull(inputs, "inputs");
    }

    public ModelSignature(Schema inputs, Schema outputs) {
        this(inputs, outputs, null);
    }

    /**
     * MLflow's {@code infer_signature(model_input, model_output)} for Spark frames: every column of
     * the input frame (drop the label first) and of the prediction frame, required. Since MLflow
     * 2.15 a vector column such as {@code probability} becomes {@code sparkml_vector}, so select
     * {@code prediction} and {@code probability} and both are in the signature; arrays become
     * {@code array}, structs {@code object}, maps an {@code object} of the keys in the data.
     */
    public static ModelSignature infer(Dataset<Row> input, Dataset<Row> predictions) {
        return new ModelSignature(SparkFieldTypes.schema(input.schema(), input),
                predictions == null ? null : SparkFieldTypes.schema(predictions.schema(), predictions));
    }

    /** The same signature with inference parameters. */
    public ModelSignature withParams(ParamSchema params) {
        return new ModelSignature(inputs, outputs, params);
    }

    /**
     * The {@code signature} entry of an {@code MLmodel} file: inputs, outputs and params are JSON
     * strings inside the YAML, exactly as MLflow writes them.
     */
    public Map<String, Object> toMlmodelMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputs", inputs.toJson());
        m.put("outputs", outputs == null ? null : outputs.toJson());
        m.put("params", params == null ? null : params.toJson());
        return m;
    }

    public static ModelSignature fromMlmodelMap(Map<?, ?> map) {
        Object in = map.get("inputs");
        if (!(in instanceof String s)) {
            throw new IllegalArgumentException("the signature in MLmodel has no 'inputs' JSON string");
        }
        Object out = map.get("outputs");
        Object params = map.get("params");
        return new ModelSignature(Schema.fromJson(s), out instanceof String o ? Schema.fromJson(o) : null,
                params instanceof String p ? ParamSchema.fromJson(p) : null);
    }
}
