package dev.mlsandbox.serving.endpoint;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.http.Json;
import dev.mlsandbox.http.MlflowException;

/**
 * One model version an endpoint serves, as {@code config.served_entities[]} names it.
 *
 * @param name               unique within the endpoint; defaults to {@code <model>-<version>}
 * @param entityName         the registered model, {@code catalog.schema.model}
 * @param entityVersion      the version, as text (the API sends a string)
 * @param workloadSize       Small (4 concurrent requests), Medium (8-16) or Large (16-64)
 * @param scaleToZeroEnabled whether capacity drops to zero when idle (a cold start follows)
 * @param workloadType       CPU, GPU_SMALL, GPU_MEDIUM, GPU_LARGE or MULTIGPU_MEDIUM
 */
public record ServedEntity(String name, String entityName, String entityVersion, String workloadSize,
                           boolean scaleToZeroEnabled, String workloadType) {

    public static final List<String> WORKLOAD_SIZES = List.of("Small", "Medium", "Large");
    public static final List<String> WORKLOAD_TYPES = List.of("CPU", "GPU_SMALL", "GPU_MEDIUM", "GPU_LARGE", "MULTIGPU_MEDIUM");
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** A CPU entity of workload size Small without scale to zero, named {@code <model>-<version>}. */
    public static ServedEntity of(String entityName, long version) {
        return new ServedEntity(defaultName(entityName, Long.toString(version)), entityName, Long.toString(version),
                "Small", false, "CPU");
    }

    public ServedEntity withName(String value) {
        return new ServedEntity(value, entityName, entityVersion, workloadSize, scaleToZeroEnabled, workloadType);
    }

    public ServedEntity withScaleToZero(boolean value) {
        return new ServedEntity(name, entityName, entityVersion, workloadSize, value, workloadType);
    }

    public ServedEntity withWorkloadSize(String value) {
        return new ServedEntity(name, entityName, entityVersion, value, scaleToZeroEnabled, workloadType);
    }

    /** The version as a number (validated when the entity was read). */
    public long version() {
        return Long.parseLong(entityVersion);
    }

    /**
     * Databricks documents the default name as {@code entity_name-entity_version}; a served
     * entity's name may not hold dots, so for a three-level Unity Catalog name the sandbox uses the
     * model's own name ({@code churn-2} for {@code main.ml.churn} version 2).
     */
    static String defaultName(String entityName, String version) {
        String model = entityName.substring(entityName.lastIndexOf('.') + 1);
        return model + "-" + version;
    }

    /** Reads {@code config.served_entities[i]}; a missing or malformed field is 400 INVALID_PARAMETER_VALUE. */
    static ServedEntity read(JsonNode n, int i) {
        String where = "config.served_entities[" + i + "]";
        if (!n.isObject()) {
            throw MlflowException.invalid(where + " must be an object with entity_name and entity_version, got " + n);
        }
        if (n.has("external_model") || n.has("foundation_model")) {
            throw MlflowException.invalid(where + ": external and foundation models are not served by the sandbox;"
                    + " serve a registered model with entity_name and entity_version");
        }
        String entityName = text(n, "entity_name", where);
        if (entityName == null || entityName.isBlank()) {
            throw MlflowException.invalid(where + ".entity_name is required: the registered model to serve,"
                    + " catalog.schema.model");
        }
        String version = text(n, "entity_version", where);
        if (version == null || version.isBlank()) {
            throw MlflowException.invalid(where + ".entity_version is required for a registered model (" + entityName + ")");
        }
        if (!version.matches("[1-9][0-9]{0,17}")) {
            throw MlflowException.invalid(where + ".entity_version must be a version number such as \"1\", got '"
                    + version + "'");
        }
        String name = text(n, "name", where);
        if (name == null) {
            name = defaultName(entityName, version);
        } else if (!NAME.matcher(name).matches()) {
            throw MlflowException.invalid("Invalid served entity name '" + name + "' in " + where
                    + ": a served entity name can consist of alphanumeric characters, dashes, and underscores");
        }
        String size = text(n, "workload_size", where);
        if (size == null) {
            size = "Small";
        } else if (!WORKLOAD_SIZES.contains(size)) {
            throw MlflowException.invalid(where + ".workload_size must be one of " + WORKLOAD_SIZES + ", got '" + size + "'");
        }
        String type = text(n, "workload_type", where);
        if (type == null) {
            type = "CPU";
        } else if (!WORKLOAD_TYPES.contains(type)) {
            throw MlflowException.invalid(where + ".workload_type must be one of " + WORKLOAD_TYPES + ", got '" + type + "'");
        }
        JsonNode scale = n.get("scale_to_zero_enabled");
        if (scale != null && !scale.isNull() && !scale.isBoolean()) {
            throw MlflowException.invalid(where + ".scale_to_zero_enabled must be true or false, got " + scale);
        }
        return new ServedEntity(name, entityName, version, size, scale != null && scale.asBoolean(false), type);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        throw MlflowException.invalid(where + "." + field + " must be a string, got " + v);
    }

    /** As the API writes it (without the deployment state). */
    public ObjectNode toJson() {
        return Json.mapper().createObjectNode().put("name", name).put("entity_name", entityName)
                .put("entity_version", entityVersion).put("workload_size", workloadSize)
                .put("scale_to_zero_enabled", scaleToZeroEnabled).put("workload_type", workloadType);
    }
}
