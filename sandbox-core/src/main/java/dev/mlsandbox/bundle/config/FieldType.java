package dev.mlsandbox.bundle.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type of a configuration field, as far as the sandbox checks it: primitives, enums (checked
 * after variables are resolved, as the CLI does), maps, sequences, structs with known fields and
 * the required ones, and {@link Any} for subtrees the sandbox accepts without reading (cluster
 * specs, notifications ...).
 */
public sealed interface FieldType {

    FieldType STRING = new Primitive(Kind.STRING);
    FieldType BOOL = new Primitive(Kind.BOOL);
    FieldType INT = new Primitive(Kind.INT);
    FieldType FLOAT = new Primitive(Kind.FLOAT);
    FieldType ANY = new Any();

    /** A string, bool, int or float. */
    record Primitive(Kind kind) implements FieldType {
    }

    /** A string from a fixed list. */
    record Enum(List<String> values) implements FieldType {
        public Enum {
            values = List.copyOf(values);
        }
    }

    /** Anything: accepted as written. */
    record Any() implements FieldType {
    }

    /** A map from names to values of one type ({@code resources.jobs}, {@code tags}). */
    record MapOf(FieldType element) implements FieldType {
    }

    /** A sequence of values of one type. */
    record SeqOf(FieldType element) implements FieldType {
    }

    /** An object with known fields; a field name written {@code "name!"} is required. */
    final class Struct implements FieldType {
        private final String name;
        private final Map<String, FieldType> fields;
        private final Set<String> required;

        Struct(String name, Map<String, FieldType> fields, Set<String> required) {
            this.name = name;
            this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            this.required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
        }

        public String name() {
            return name;
        }

        public Map<String, FieldType> fields() {
            return fields;
        }

        public Set<String> required() {
            return required;
        }

        public FieldType field(String f) {
            return fields.get(f);
        }

        @Override
        public String toString() {
            return "struct " + name;
        }
    }

    static FieldType enumOf(String... values) {
        return new Enum(List.of(values));
    }

    static FieldType mapOf(FieldType element) {
        return new MapOf(element);
    }

    static FieldType seqOf(FieldType element) {
        return new SeqOf(element);
    }

    /** {@code struct("Task", "task_key!", STRING, "depends_on", seqOf(DEP), ...)}. */
    static Struct struct(String name, Object... namesAndTypes) {
        if (namesAndTypes.length % 2 != 0) {
            throw new IllegalArgumentException("struct " + name + ": names and types must come in pairs");
        }
        Map<String, FieldType> fields = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            String f = (String) namesAndTypes[i];
            if (f.endsWith("!")) {
                f = f.substring(0, f.length() - 1);
                required.add(f);
            }
            if (fields.put(f, (FieldType) namesAndTypes[i + 1]) != null) {
                throw new IllegalArgumentException("struct " + name + " lists " + f + " twice");
            }
        }
        return new Struct(name, fields, required);
    }

    /** The same struct with more fields (shared field sets). */
    static Struct extend(Struct base, String name, Object... namesAndTypes) {
        Struct more = struct(name, namesAndTypes);
        Map<String, FieldType> fields = new LinkedHashMap<>(base.fields());
        fields.putAll(more.fields());
        Set<String> required = new LinkedHashSet<>(base.required());
        required.addAll(more.required());
        return new Struct(name, fields, required);
    }
}
