package dev.mlsandbox.registry.signature;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a model takes and returns: MLflow's {@code ModelSignature} with column-based inputs and
 * outputs (no params).
 */
public record ModelSignature(Schema inputs, Schema outputs) {

    public ModelSignature {
        Objects.requireNonNull(inputs, "inputs");
    }

    /**
     * MLflow's {@code infer_signature(model_input, model_output)} for Spark frames: every column
     * of the input frame (drop the label first) and every column of the prediction frame (select
     * the prediction column first; vectors such as {@code probability} have no column type).
     */
    public static ModelSignature infer(Dataset<Row> input, Dataset<Row> predictions) {
        return new ModelSignature(Schema.fromSpark(input.schema()),
                predictions == null ? null : Schema.fromSpark(predictions.schema()));
    }

    /**
     * The {@code signature} entry of an {@code MLmodel} file: inputs and outputs are JSON strings
     * inside the YAML, exactly as MLflow writes them.
     */
    public Map<String, Object> toMlmodelMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputs", inputs.toJson());
        m.put("outputs", outputs == null ? null : outputs.toJson());
        m.put("params", null);
        return m;
    }

    public static ModelSignature fromMlmodelMap(Map<?, ?> map) {
        Object in = map.get("inputs");
        if (!(in instanceof String s)) {
            throw new IllegalArgumentException("the signature in MLmodel has no 'inputs' JSON string");
        }
        Object out = map.get("outputs");
        return new ModelSignature(Schema.fromJson(s), out instanceof String o ? Schema.fromJson(o) : null);
    }
}
