package dev.mlsandbox.registry.signature;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Enforcement of single JSON values against MLflow types, as {@code mlflow/models/utils.py} does
 * it for the values it parsed from JSON: {@code _enforce_type} (a column value of an array,
 * object, map, vector or any column, and each item inside) and {@code _enforce_param_datatype}
 * (an inference parameter). A value that does not fit throws {@link SchemaViolation} with
 * MLflow's message.
 *
 * <p>For a scalar inside a composite value MLflow builds a one-element pandas Series and applies its
 * column rule, so the value's pandas dtype decides: a JSON integer is {@code int64}, a float
 * {@code float64}, a string {@code object}. Hence MLflow's quirks, kept here because they are what
 * a client meets: an integer item is refused for {@code integer} (int64 does not narrow to int32) and
 * for {@code double} unless it is 0 or 1 (int64 to float64 is not a safe cast), so vectors are sent as
 * floats ({@code [0.2, 0.8]}); any string passes for {@code boolean} (an object column is not
 * converted).
 */
public final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /** MLflow's {@code _enforce_type(data, type, required)}: the value, converted where MLflow converts. */
    public static JsonNode enforce(JsonNode value, FieldType type, boolean required) {
        if (type instanceof ColumnType t) {
            return datatype(value, t, required);
        }
        if (type instanceof SparkMLVectorType) {
            return array(value, new ArrayType(ColumnType.DOUBLE), required);
        }
        if (type instanceof ArrayType a) {
            return array(value, a, required);
        }
        if (type instanceof ObjectType o) {
            return object(value, o, required);
        }
        if (type instanceof MapType m) {
            return map(value, m, required);
        }
        return value; // AnyType: no validation at all, as in MLflow
    }

    private static boolean isNone(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    private static JsonNode datatype(JsonNode v, ColumnType t, boolean required) {
        if (!required && (isNone(v) || v.isDouble() && Double.isNaN(v.doubleValue()))) {
            return NODES.nullNode();
        }
        if (isNone(v) || v.isContainerNode()) {
            throw new SchemaViolation("Expected data to be scalar, got " + pyTypeName(v));
        }
        if (!scalarFits(v, t)) {
            throw new SchemaViolation("Failed to enforce schema of data `" + PyJson.str(v) + "` with dtype `"
                    + t.mlflowName() + "`");
        }
        return v.isIntegralNumber() && (t == ColumnType.FLOAT || t == ColumnType.DOUBLE)
                ? NODES.numberNode(v.doubleValue()) : v;
    }

    /** {@code _enforce_mlflow_datatype} on a one-value Series: the value's pandas dtype against the declared type. */
    private static boolean scalarFits(JsonNode v, ColumnType t) {
        if (v.isTextual()) { // object dtype
            return switch (t) {
                case STRING, BOOLEAN -> true;
                case DATETIME -> parsesAsDatetime(v.asText());
                default -> false;
            };
        }
        if (v.isBoolean()) {
            return t == ColumnType.BOOLEAN;
        }
        if (v.isIntegralNumber()) { // int64
            return switch (t) {
                case LONG -> true;
                case FLOAT, DOUBLE -> v.canConvertToLong() && (v.longValue() == 0 || v.longValue() == 1);
                default -> false;
            };
        }
        return v.isFloatingPointNumber() && t == ColumnType.DOUBLE; // float64
    }

    private static boolean parsesAsDatetime(String s) {
        try {
            LocalDateTime.parse(s.replace(' ', 'T'));
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDate.parse(s);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }

    private static JsonNode array(JsonNode v, ArrayType a, boolean required) {
        if ((!required || a.items() instanceof AnyType) && (isNone(v) || v.isArray() && v.isEmpty())) {
            return v;
        }
        if (isNone(v) || !v.isArray()) {
            throw new SchemaViolation("Expected data to be list or numpy array, got " + pyTypeName(v));
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonNode item : v) {
            out.add(enforce(item, a.items(), required));
        }
        return out;
    }

    private static JsonNode object(JsonNode v, ObjectType o, boolean required) {
        if (!required && (isNone(v) || v.isObject() && v.isEmpty())) {
            return v;
        }
        if (isNone(v) || !v.isObject()) {
            throw new SchemaViolation("Failed to enforce schema of '" + PyJson.str(v) + "' with type '" + o.repr()
                    + "'. Expected data to be dictionary, got " + pyTypeName(v));
        }
        Set<String> missing = new TreeSet<>();
        for (ObjectType.Property p : o.properties()) {
            if (p.required() && !v.has(p.name())) {
                missing.add(p.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new SchemaViolation("Missing required properties: " + pySet(missing));
        }
        Set<String> invalid = new TreeSet<>();
        v.fieldNames().forEachRemaining(k -> {
            if (o.property(k).isEmpty()) {
                invalid.add(k);
            }
        });
        if (!invalid.isEmpty()) {
            throw new SchemaViolation("Invalid properties not defined in the schema found: " + pySet(invalid));
        }
        ObjectNode out = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            ObjectType.Property p = o.property(e.getKey()).orElseThrow();
            try {
                out.set(e.getKey(), enforce(e.getValue(), p.type(), p.required()));
            } catch (SchemaViolation x) {
                throw new SchemaViolation("Failed to enforce schema for key `" + e.getKey() + "`. Expected type "
                        + p.type().mlflowName() + ", received type " + pyTypeName(e.getValue()));
            }
        }
        return out;
    }

    private static JsonNode map(JsonNode v, MapType m, boolean required) {
        if ((!required || m.values() instanceof AnyType) && (isNone(v) || v.isObject() && v.isEmpty())) {
            return v;
        }
        if (isNone(v) || !v.isObject()) {
            throw new SchemaViolation("Expected data to be a dict, got " + pyTypeName(v));
        }
        ObjectNode out = NODES.objectNode();
        v.fields().forEachRemaining(e -> out.set(e.getKey(), enforce(e.getValue(), m.values(), required)));
        return out;
    }

    /**
     * MLflow's {@code _enforce_param_datatype}: a parameter value of a scalar type, converted to the
     * declared type. Python's exact type decides ({@code True} is not an integer); integers widen to
     * long, float and double, float to double; a datetime is parsed from its ISO text.
     */
    public static JsonNode param(JsonNode v, ColumnType t) {
        if (isNone(v)) {
            return NODES.nullNode();
        }
        if (t == ColumnType.DATETIME) {
            if (v.isTextual() && parsesAsDatetime(v.asText())) {
                return v;
            }
            throw new SchemaViolation("Failed to convert value `" + PyJson.str(v) + "` from type `" + PyJson.typeOf(v)
                    + "` to `DataType.datetime`");
        }
        if (v.isContainerNode()) {
            throw new SchemaViolation("Value must be a scalar for type `DataType." + t.mlflowName() + "`, got `"
                    + PyJson.str(v) + "`");
        }
        boolean ok = switch (t) {
            case BOOLEAN -> v.isBoolean();
            case INTEGER, LONG -> v.isIntegralNumber();
            case FLOAT, DOUBLE -> v.isNumber();
            case STRING -> v.isTextual();
            case BINARY -> false;
            case DATETIME -> throw new IllegalStateException();
        };
        if (!ok) {
            throw new SchemaViolation("Can not safely convert `" + PyJson.typeOf(v) + "` to `DataType." + t.mlflowName()
                    + "` for value `" + PyJson.str(v) + "`");
        }
        return (t == ColumnType.FLOAT || t == ColumnType.DOUBLE) && v.isIntegralNumber()
                ? NODES.numberNode(v.doubleValue()) : v;
    }

    /**
     * MLflow's {@code ParamSpec.validate_type_and_shape}: a scalar (shape none), a 1-D list
     * (shape {@code (-1,)}) of scalars, or an object for an object-typed parameter.
     */
    public static JsonNode param(JsonNode v, ParamSpec spec) {
        try {
            if (spec.shape() != null) {
                if (isNone(v) || !v.isArray() || depth(v) != 1) {
                    throw new SchemaViolation("Value must be a 1D array with shape (-1,) for param " + spec.repr()
                            + ", received " + pyTypeName(v) + " with ndim " + (isNone(v) || !v.isArray() ? 0 : depth(v)));
                }
                ArrayNode out = NODES.arrayNode();
                for (JsonNode item : v) {
                    out.add(scalarParam(item, spec));
                }
                return out;
            }
            return scalarParam(v, spec);
        } catch (SchemaViolation e) {
            if (e.getMessage().startsWith("Value must be a 1D array")) {
                throw e;
            }
            throw new SchemaViolation("Failed to validate type and shape for " + spec.repr() + ", error: " + e.getMessage());
        }
    }

    private static JsonNode scalarParam(JsonNode v, ParamSpec spec) {
        if (spec.type() instanceof ObjectType o) {
            enforce(v, o, true);
            return v;
        }
        return param(v, (ColumnType) spec.type());
    }

    private static int depth(JsonNode v) {
        if (!v.isArray()) {
            return 0;
        }
        int max = 0;
        for (JsonNode item : v) {
            max = Math.max(max, depth(item));
        }
        return max + 1;
    }

    private static String pyTypeName(JsonNode v) {
        String t = PyJson.typeOf(v);
        return t.substring("<class '".length(), t.length() - 2);
    }

    private static String pySet(Set<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(n -> quoted.add(PyJson.repr(n)));
        return quoted.stream().collect(Collectors.joining(", ", "{", "}"));
    }
}
