package dev.mlsandbox.registry.signature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlsandbox.http.Json;

/**
 * Reads the JSON strings of an {@code MLmodel} signature the way {@code mlflow/types/schema.py}
 * does ({@code Schema.from_json}, {@code ColSpec.from_json_dict}, {@code TensorSpec.from_json_dict},
 * {@code ParamSchema.from_json}), with errors that say which entry broke which rule.
 */
final class SignatureJson {
    private static final ObjectMapper JSON = Json.mapper();
    private static final List<String> COMPOSITE = List.of("array", "object", "map", "any", "sparkml_vector");

    private SignatureJson() {
    }

    static Schema schema(String json) {
        JsonNode root = parse(json, "signature schema");
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("signature schema must be a JSON list of column or tensor specs, got: " + json);
        }
        List<ColumnSpec> cols = new ArrayList<>();
        List<TensorSpec> tensors = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root) {
            String where = "signature entry " + i++ + " " + n;
            if (!n.isObject() || !n.hasNonNull("type")) {
                throw new IllegalArgumentException(where + ": Missing keys in ColSpec JSON. Expected to find key `type`");
            }
            String name = n.hasNonNull("name") ? n.get("name").asText() : null;
            try {
                if ("tensor".equals(n.get("type").asText())) {
                    tensors.add(tensor(n, name));
                } else {
                    cols.add(new ColumnSpec(name, type(n), required(n)));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return new Schema(cols, tensors);
    }

    private static TensorSpec tensor(JsonNode n, String name) {
        JsonNode info = n.get("tensor-spec");
        if (info == null || !info.isObject()) {
            throw new IllegalArgumentException("Missing keys in TensorSpec JSON. Expected to find keys `tensor-spec` and `type`");
        }
        if (!info.hasNonNull("dtype") || !info.has("shape") || !info.get("shape").isArray()) {
            throw new IllegalArgumentException("Missing keys in TensorSpec JSON. Expected to find keys `dtype` and `shape`"
                    + " (shape a list of sizes, -1 for a variable one)");
        }
        List<Long> shape = new ArrayList<>();
        for (JsonNode d : info.get("shape")) {
            if (!d.isIntegralNumber()) {
                throw new IllegalArgumentException("tensor shape " + info.get("shape") + " must list integers");
            }
            shape.add(d.longValue());
        }
        return new TensorSpec(name, info.get("dtype").asText(), shape);
    }

    private static boolean required(JsonNode n) {
        return !n.hasNonNull("required") || n.get("required").asBoolean(true);
    }

    /** The type of a column, property, array items or map values: the dict with {@code type} and its keys. */
    static FieldType type(JsonNode n) {
        if (n == null || !n.isObject() || !n.hasNonNull("type")) {
            throw new IllegalArgumentException("a type must be a JSON object with a \"type\", got: " + n);
        }
        String t = n.get("type").asText();
        switch (t) {
            case "array" -> {
                JsonNode items = n.get("items");
                if (items == null) {
                    throw new IllegalArgumentException("Missing keys in Array JSON. Expected to find keys `items` and `type`");
                }
                if (!items.isObject()) {
                    throw new IllegalArgumentException("Expected items to be a dictionary of Object JSON, got: " + items);
                }
                return new ArrayType(type(items));
            }
            case "object" -> {
                JsonNode props = n.get("properties");
                if (props == null || !props.isObject()) {
                    throw new IllegalArgumentException("Missing keys in Object JSON. Expected to find keys `properties` and"
                            + " `type`, properties a dictionary of Property JSON");
                }
                List<ObjectType.Property> list = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> it = props.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isObject() || !e.getValue().hasNonNull("type")) {
                        throw new IllegalArgumentException("Missing keys in Property `" + e.getKey()
                                + "`. Expected to find key `type`");
                    }
                    list.add(new ObjectType.Property(e.getKey(), type(e.getValue()), required(e.getValue())));
                }
                return new ObjectType(list);
            }
            case "map" -> {
                JsonNode values = n.get("values");
                if (values == null || !values.isObject()) {
                    throw new IllegalArgumentException("Missing keys in Map JSON. Expected to find keys `values` and `type`,"
                            + " values a dictionary with a `type`");
                }
                return new MapType(type(values));
            }
            case "any" -> {
                return new AnyType();
            }
            case "sparkml_vector" -> {
                return new SparkMLVectorType();
            }
            default -> {
                for (ColumnType c : ColumnType.values()) {
                    if (c.mlflowName().equals(t)) {
                        return c;
                    }
                }
                String hint = t.equalsIgnoreCase("SparkMLVector") || t.equalsIgnoreCase("vector")
                        ? " (MLflow writes a Spark ML vector as \"sparkml_vector\")" : "";
                throw new IllegalArgumentException("Unsupported type '" + t + "'" + hint + ", expected one of "
                        + Stream.concat(Arrays.stream(ColumnType.values()).map(ColumnType::mlflowName), COMPOSITE.stream())
                        .collect(Collectors.joining(", ")) + ", or tensor (with a tensor-spec)");
            }
        }
    }

    static ParamSchema params(String json) {
        JsonNode root = parse(json, "signature params");
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("signature params must be a JSON list of param specs, got: " + json);
        }
        List<ParamSpec> specs = new ArrayList<>();
        for (JsonNode n : root) {
            // MLflow accepts "dtype" as well as "type", for older files
            String typeKey = n.hasNonNull("type") ? "type" : "dtype";
            if (!n.isObject() || !n.hasNonNull("name") || !n.hasNonNull(typeKey) || !n.has("default")) {
                throw new IllegalArgumentException("Missing keys in ParamSpec JSON. Expected to find keys `name`, `type`(or"
                        + " `dtype`) and `default`. Received: " + n);
            }
            String name = n.get("name").asText();
            FieldType type;
            try {
                String t = n.get(typeKey).asText();
                type = "object".equals(t) ? type(n) : ColumnType.fromMlflowName(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage());
            }
            List<Long> shape = null;
            if (n.hasNonNull("shape")) {
                shape = new ArrayList<>();
                for (JsonNode d : n.get("shape")) {
                    shape.add(d.asLong());
                }
            }
            specs.add(ParamSpec.of(name, type, n.get("default"), shape));
        }
        return new ParamSchema(specs);
    }

    private static JsonNode parse(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
