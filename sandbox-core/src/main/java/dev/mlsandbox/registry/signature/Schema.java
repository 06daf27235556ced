package dev.mlsandbox.registry.signature;

import dev.mlsandbox.http.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An ordered list of named columns: the inputs or the outputs of a signature.
 *
 * <p>{@link #toJson()} writes what MLflow writes into {@code MLmodel} (Python's
 * {@code json.dumps} of the column dicts, so {@code ", "} and {@code ": "} separators), and
 * {@link #fromJson(String)} reads it back.
 */
public record Schema(List<ColumnSpec> columns) {

    private static final ObjectMapper JSON = Json.mapper();

    public Schema {
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (ColumnSpec c : columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("column '" + c.name() + "' appears twice in a schema; names must be unique");
            }
        }
    }

    public static Schema of(ColumnSpec... columns) {
        return new Schema(List.of(columns));
    }

    /** Every column of a Spark schema, required, with its MLflow type. */
    public static Schema fromSpark(StructType struct) {
        List<ColumnSpec> cols = new ArrayList<>();
        for (StructField f : struct.fields()) {
            cols.add(ColumnSpec.required(f.name(), ColumnType.fromSpark(f.name(), f.dataType())));
        }
        return new Schema(cols);
    }

    public List<String> names() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The Spark schema a frame matching this one has. */
    public StructType toSpark() {
        StructType s = new StructType();
        for (ColumnSpec c : columns) {
            s = s.add(c.name(), c.type().sparkType(), !c.required());
        }
        return s;
    }

    /** MLflow's JSON form: {@code [{"type": "double", "name": "x", "required": true}, ...]}. */
    public String toJson() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec c = columns.get(i);
            if (i > 0) {
                b.append(", ");
            }
            b.append("{\"type\": ").append(quote(c.type().mlflowName()))
                    .append(", \"name\": ").append(quote(c.name()))
                    .append(", \"required\": ").append(c.required()).append('}');
        }
        return b.append(']').toString();
    }

    /** Reads MLflow's JSON form; a column without {@code required} is required, as in MLflow. */
    public static Schema fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("signature schema is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("signature schema must be a JSON list of column specs, got: " + json);
        }
        List<ColumnSpec> cols = new ArrayList<>();
        for (JsonNode n : root) {
            if (!n.hasNonNull("name") || !n.hasNonNull("type")) {
                throw new IllegalArgumentException("a column spec needs \"name\" and \"type\" (tensor specs and unnamed"
                        + " columns are not supported here), got: " + n);
            }
            boolean required = !n.has("required") || n.get("required").asBoolean(true);
            cols.add(new ColumnSpec(n.get("name").asText(), ColumnType.fromMlflowName(n.get("type").asText()), required));
        }
        return new Schema(cols);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
