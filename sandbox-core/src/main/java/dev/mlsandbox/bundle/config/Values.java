package dev.mlsandbox.bundle.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Values from plain Java (maps, lists, strings, numbers, booleans), e.g. a spec read back from the deployment state. */
public final class Values {

    private Values() {
    }

    public static Value fromPlain(Object o, Location at) {
        if (o instanceof Map<?, ?> m) {
            List<MapValue.Entry> entries = new ArrayList<>();
            m.forEach((k, v) -> entries.add(new MapValue.Entry(String.valueOf(k), at, fromPlain(v, at))));
            return new MapValue(entries, at, false);
        }
        if (o instanceof List<?> l) {
            List<Value> items = new ArrayList<>();
            l.forEach(v -> items.add(fromPlain(v, at)));
            return SeqValue.of(items, at);
        }
        if (o instanceof Integer || o instanceof Long || o instanceof Short) {
            return ScalarValue.of(((Number) o).longValue(), at);
        }
        if (o instanceof Number n) {
            return ScalarValue.of(n.doubleValue(), at);
        }
        if (o == null || o instanceof String || o instanceof Boolean) {
            return ScalarValue.of(o, at);
        }
        return ScalarValue.of(o.toString(), at);
    }
}
