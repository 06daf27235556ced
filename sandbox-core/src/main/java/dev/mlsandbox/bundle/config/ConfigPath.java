package dev.mlsandbox.bundle.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A path into the configuration document, printed the way the Databricks CLI prints it:
 * {@code resources.jobs.train.tasks[0].depends_on[1].task_key}. Immutable.
 */
public final class ConfigPath {

    private static final ConfigPath ROOT = new ConfigPath(List.of());

    /** A map key or a sequence index. */
    public sealed interface Segment permits Key, Index {
    }

    public record Key(String name) implements Segment {
    }

    public record Index(int index) implements Segment {
    }

    private final List<Segment> segments;

    private ConfigPath(List<Segment> segments) {
        this.segments = segments;
    }

    public static ConfigPath root() {
        return ROOT;
    }

    /** {@code a.b.c} (keys only; indices as {@code [n]}). */
    public static ConfigPath of(String dotted) {
        ConfigPath p = ROOT;
        if (dotted.isEmpty()) {
            return p;
        }
        for (String part : dotted.split("\\.")) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            if (!key.isEmpty()) {
                p = p.key(key);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                p = p.index(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return p;
    }

    public ConfigPath key(String name) {
        return append(new Key(name));
    }

    public ConfigPath index(int index) {
        return append(new Index(index));
    }

    private ConfigPath append(Segment s) {
        List<Segment> out = new ArrayList<>(segments.size() + 1);
        out.addAll(segments);
        out.add(s);
        return new ConfigPath(Collections.unmodifiableList(out));
    }

    public List<Segment> segments() {
        return segments;
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public int size() {
        return segments.size();
    }

    /** The name of the i-th segment if it is a key, else null. */
    public String keyAt(int i) {
        return i < segments.size() && segments.get(i) instanceof Key k ? k.name() : null;
    }

    public boolean startsWith(ConfigPath prefix) {
        return prefix.segments.size() <= segments.size() && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Segment s : segments) {
            if (s instanceof Key k) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(k.name());
            } else {
                b.append('[').append(((Index) s).index()).append(']');
            }
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigPath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
