package dev.mlsandbox.registry.signature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One inference parameter of a signature: MLflow's {@code ParamSpec}, written
 * {@code {"name": "temperature", "default": 0.5, "shape": null, "type": "float"}}. A request may
 * pass it in {@code params}; when it does not, the default is used.
 *
 * @param name         the parameter's name
 * @param type         a scalar type (not binary) or an {@link ObjectType}
 * @param defaultValue the default, as JSON (validated against the type and shape)
 * @param shape        null for a scalar, {@code [-1]} for a 1-D list
 */
public record ParamSpec(String name, FieldType type, JsonNode defaultValue, List<Long> shape) {
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        defaultValue = defaultValue == null ? NullNode.getInstance() : defaultValue;
        if (type == ColumnType.BINARY) {
            throw new IllegalArgumentException("Binary type is not supported for parameters, ParamSpec '" + name
                    + "' has dtype 'binary'");
        }
        if (!(type instanceof ColumnType) && !(type instanceof ObjectType)) {
            throw new IllegalArgumentException("parameter '" + name + "' has type " + type.repr()
                    + ": a parameter's type is a scalar type or an object");
        }
        if (shape != null) {
            shape = List.copyOf(shape);
            if (!shape.equals(List.of(-1L))) {
                throw new IllegalArgumentException("Shape must be None for scalar or dictionary value, or (-1,) for 1D"
                        + " array value for ParamSpec '" + name + "', received " + shape);
            }
        }
    }

    /** A validated spec: the default must fit the type and shape, as MLflow checks when it builds one. */
    public static ParamSpec of(String name, FieldType type, JsonNode defaultValue, List<Long> shape) {
        ParamSpec s = new ParamSpec(name, type, defaultValue, shape);
        try {
            JsonValues.param(s.defaultValue(), s);
        } catch (SchemaViolation e) {
            throw new IllegalArgumentException("the default of parameter '" + name + "' does not fit its type: "
                    + e.getMessage());
        }
        return s;
    }

    /** MLflow's {@code ParamSpec.to_dict}: name, default, shape, then the type's keys. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("default", defaultValue);
        m.put("shape", shape == null ? null : new ArrayList<>(shape));
        m.putAll(type.toJson());
        return m;
    }

    /** MLflow's {@code ParamSpec.__repr__}: {@code 'temperature': float (default: 0.5)}. */
    public String repr() {
        return PyJson.repr(name) + ": " + type.repr() + " (default: " + PyJson.str(defaultValue) + ")"
                + (shape == null ? "" : " (shape: (-1,))");
    }
}
