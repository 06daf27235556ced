package dev.mlsandbox.bundle.model;

import java.util.Objects;

import dev.mlsandbox.bundle.config.ConfigPath;

/**
 * A resource's address in a bundle: its type ({@code jobs}, {@code experiments},
 * {@code registered_models} ...) and its key, printed {@code jobs.train} as the CLI prints it in
 * "Created jobs.train".
 */
public record ResourceKey(String type, String key) implements Comparable<ResourceKey> {

    public ResourceKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
    }

    public static ResourceKey parse(String dotted) {
        int dot = dotted.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("resource key '" + dotted + "' must be <type>.<key>, e.g. jobs.train");
        }
        return new ResourceKey(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    /** {@code resources.jobs.train}. */
    public ConfigPath path() {
        return ConfigPath.root().key("resources").key(type).key(key);
    }

    @Override
    public int compareTo(ResourceKey o) {
        int c = type.compareTo(o.type);
        return c != 0 ? c : key.compareTo(o.key);
    }

    @Override
    public String toString() {
        return type + "." + key;
    }
}
