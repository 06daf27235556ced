package dev.mlsandbox.registry.signature;

import java.util.Objects;

/**
 * One named column of a signature: MLflow's {@code ColSpec}, written as
 * {@code {"type": "double", "name": "tenure_months", "required": true}}.
 *
 * @param name     column name, as the model's input frame spells it
 * @param type     MLflow data type
 * @param required whether a request must carry the column (MLflow's default: true)
 */
public record ColumnSpec(String name, ColumnType type, boolean required) {
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a signature column needs a non-blank name");
        }
    }

    public static ColumnSpec required(String name, ColumnType type) {
        return new ColumnSpec(name, type, true);
    }

    public static ColumnSpec optional(String name, ColumnType type) {
        return new ColumnSpec(name, type, false);
    }
}
