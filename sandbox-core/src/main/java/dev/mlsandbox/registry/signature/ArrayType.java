package dev.mlsandbox.registry.signature;

import java.util.Map;
import java.util.Objects;

/**
 * MLflow's {@code Array}: a list whose items all have one type, written
 * {@code {"type": "array", "items": {"type": "string"}}}. Spark's {@code ArrayType} columns infer
 * to it.
 *
 * @param items the type of every item
 */
public record ArrayType(FieldType items) implements FieldType {
    public ArrayType {
        Objects.requireNonNull(items, "items");
    }

    @Override
    public String mlflowName() {
        return "array";
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = FieldType.super.toJson();
        m.put("items", items.toJson());
        return m;
    }

    @Override
    public String repr() {
        return "Array(" + items.repr() + ")";
    }
}
