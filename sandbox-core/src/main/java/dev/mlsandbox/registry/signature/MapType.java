package dev.mlsandbox.registry.signature;

import java.util.Map;
import java.util.Objects;

/**
 * MLflow's {@code Map}: string keys to values of one type, written
 * {@code {"type": "map", "values": {"type": "double"}}}. (Spark {@code MapType} columns do not infer
 * to it: MLflow turns them into an {@link ObjectType} with the keys found in the data.)
 *
 * @param values the type of every value
 */
public record MapType(FieldType values) implements FieldType {
    public MapType {
        Objects.requireNonNull(values, "values");
    }

    @Override
    public String mlflowName() {
        return "map";
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = FieldType.super.toJson();
        m.put("values", values.toJson());
        return m;
    }

    @Override
    public String repr() {
        return "Map(str -> " + values.repr() + ")";
    }
}
