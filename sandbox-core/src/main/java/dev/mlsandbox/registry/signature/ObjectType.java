package dev.mlsandbox.registry.signature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MLflow's {@code Object}: a JSON object (a Spark struct) with named, typed properties, written
 * {@code {"type": "object", "properties": {"city": {"type": "string", "required": true}}}}.
 * MLflow keeps the properties sorted by name, and so does this record.
 *
 * @param properties at least one, names unique
 */
public record ObjectType(List<Property> properties) implements FieldType {

    /**
     * One property of an object.
     *
     * @param name     the key
     * @param type     its type
     * @param required whether an object must carry it (MLflow's default: true)
     */
    public record Property(String name, FieldType type, boolean required) {
        public Property {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = type.toJson();
            m.put("required", required);
            return m;
        }

        String repr() {
            return name + ": " + type.repr() + (required ? " (required)" : " (optional)");
        }
    }

    public ObjectType {
        if (properties == null || properties.isEmpty()) {
            throw new IllegalArgumentException("an object type needs at least one property"
                    + " (MLflow: Creating Object with empty properties is not allowed)");
        }
        Set<String> seen = new HashSet<>();
        for (Property p : properties) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("object property '" + p.name() + "' appears twice; names must be unique");
            }
        }
        List<Property> sorted = new ArrayList<>(properties);
        sorted.sort(Comparator.comparing(Property::name));
        properties = List.copyOf(sorted);
    }

    public static ObjectType of(Property... properties) {
        return new ObjectType(List.of(properties));
    }

    public Optional<Property> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @Override
    public String mlflowName() {
        return "object";
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = FieldType.super.toJson();
        Map<String, Object> props = new LinkedHashMap<>();
        properties.forEach(p -> props.put(p.name(), p.toJson()));
        m.put("properties", props);
        return m;
    }

    @Override
    public String repr() {
        return properties.stream().map(Property::repr).collect(Collectors.joining(", ", "{", "}"));
    }
}
