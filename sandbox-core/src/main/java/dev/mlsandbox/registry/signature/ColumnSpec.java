package dev.mlsandbox.registry.signature;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One column of a column-based signature: MLflow's {@code ColSpec}, written as
 * {@code {"type": "double", "name": "tenure_months", "required": true}}, or without a name
 * ({@code {"type": "long", "required": true}}), which is what MLflow writes for a model whose
 * output is a plain array (scikit-learn's {@code predict}). Unnamed columns are matched by position.
 *
 * @param name     column name, as the model's input frame spells it; null for an unnamed column
 * @param dataType MLflow type: a scalar {@link ColumnType} or a composite type
 * @param required whether a request must carry the column (MLflow's default: true)
 */
public record ColumnSpec(String name, FieldType dataType, boolean required) {
    public ColumnSpec {
        Objects.requireNonNull(dataType, "dataType");
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("a signature column name must not be blank; leave the name out for an"
                    + " unnamed (positional) column");
        }
    }

    public static ColumnSpec required(String name, FieldType type) {
        return new ColumnSpec(name, type, true);
    }

    public static ColumnSpec optional(String name, FieldType type) {
        return new ColumnSpec(name, type, false);
    }

    /** An unnamed column (matched by position), required as MLflow requires unnamed columns to be. */
    public static ColumnSpec unnamed(FieldType type) {
        return new ColumnSpec(null, type, true);
    }

    public boolean named() {
        return name != null;
    }

    /**
     * The scalar MLflow type of this column. Every column of the signatures the sandbox infers for
     * scalar Spark columns has one; a composite column (array, object, map, any, vector) has none,
     * so this throws: ask {@link #dataType()} or {@link #scalarType()} for those.
     */
    public ColumnType type() {
        if (dataType instanceof ColumnType t) {
            return t;
        }
        throw new IllegalStateException("column " + label() + " has the composite MLflow type " + dataType.repr()
                + ", not a scalar type; use dataType()");
    }

    /** The scalar type, or empty for a composite column. */
    public Optional<ColumnType> scalarType() {
        return dataType instanceof ColumnType t ? Optional.of(t) : Optional.empty();
    }

    /** MLflow's {@code ColSpec.to_dict}: the type's keys, then {@code name} (when named), then {@code required}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = dataType.toJson();
        if (name != null) {
            m.put("name", name);
        }
        m.put("required", required);
        return m;
    }

    /** MLflow's {@code ColSpec.__repr__}: {@code 'x': double (required)} or {@code long (required)}. */
    public String repr() {
        String r = dataType.repr() + (required ? " (required)" : " (optional)");
        return name == null ? r : PyJson.repr(name) + ": " + r;
    }

    private String label() {
        return name == null ? "(unnamed)" : "'" + name + "'";
    }
}
