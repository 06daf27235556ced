package dev.mlsandbox.bundle.config;

import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. */
public record SeqValue(List<Value> items, Location location, boolean anchored) implements Value {

    public SeqValue {
        items = List.copyOf(items);
    }

    public static SeqValue of(List<Value> items, Location location) {
        return new SeqValue(items, location, false);
    }

    @Override
    public Kind kind() {
        return Kind.SEQUENCE;
    }

    @Override
    public SeqValue at(Location l) {
        return new SeqValue(items, l, anchored);
    }

    public int size() {
        return items.size();
    }

    public Value get(int i) {
        return items.get(i);
    }

    public SeqValue with(int i, Value v) {
        List<Value> out = new ArrayList<>(items);
        out.set(i, v);
        return new SeqValue(out, location, anchored);
    }

    public SeqValue withItems(List<Value> newItems) {
        return new SeqValue(newItems, location, anchored);
    }
}
