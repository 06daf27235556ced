package dev.mlsandbox.bundle.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A YAML mapping with string keys, in document order. Each entry keeps where its key was written:
 * the CLI points "unknown field" warnings at the key.
 */
public final class MapValue implements Value {

    /** One key and its value. */
    public record Entry(String key, Location keyLocation, Value value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    private final List<Entry> entries;
    private final Map<String, Integer> index;
    private final Location location;
    private final boolean anchored;

    public MapValue(List<Entry> entries, Location location, boolean anchored) {
        this.entries = List.copyOf(entries);
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (int i = 0; i < this.entries.size(); i++) {
            if (idx.put(this.entries.get(i).key(), i) != null) {
                throw new IllegalArgumentException("duplicate key " + this.entries.get(i).key());
            }
        }
        this.index = Collections.unmodifiableMap(idx);
        this.location = Objects.requireNonNull(location, "location");
        this.anchored = anchored;
    }

    public static MapValue empty(Location location) {
        return new MapValue(List.of(), location, false);
    }

    @Override
    public Kind kind() {
        return Kind.MAP;
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public boolean anchored() {
        return anchored;
    }

    @Override
    public MapValue at(Location l) {
        return new MapValue(entries, l, anchored);
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<String> keys() {
        return List.copyOf(index.keySet());
    }

    public boolean has(String key) {
        return index.containsKey(key);
    }

    public Value get(String key) {
        Integer i = index.get(key);
        return i == null ? null : entries.get(i).value();
    }

    public Entry entry(String key) {
        Integer i = index.get(key);
        return i == null ? null : entries.get(i);
    }

    public int size() {
        return entries.size();
    }

    /** A copy with {@code key} set (replaced in place, or appended with {@code keyLocation}). */
    public MapValue with(String key, Location keyLocation, Value value) {
        List<Entry> out = new ArrayList<>(entries);
        Integer i = index.get(key);
        if (i == null) {
            out.add(new Entry(key, keyLocation, value));
        } else {
            out.set(i, new Entry(key, entries.get(i).keyLocation(), value));
        }
        return new MapValue(out, location, anchored);
    }

    /** A copy with {@code key} set, keeping the key's location when it exists (else the value's). */
    public MapValue with(String key, Value value) {
        Entry e = entry(key);
        return with(key, e == null ? value.location() : e.keyLocation(), value);
    }

    public MapValue without(String key) {
        if (!has(key)) {
            return this;
        }
        List<Entry> out = new ArrayList<>(entries);
        out.remove((int) index.get(key));
        return new MapValue(out, location, anchored);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapValue m && m.entries.equals(entries) && m.location.equals(location) && m.anchored == anchored;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, location, anchored);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (Entry e : entries) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(e.key()).append(": ").append(e.value());
        }
        return b.append('}').toString();
    }
}
