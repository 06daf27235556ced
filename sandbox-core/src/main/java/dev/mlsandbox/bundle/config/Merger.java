package dev.mlsandbox.bundle.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges configuration the way the Databricks CLI merges included files and target overrides:
 * maps merge key by key (the incoming value wins for scalars), sequences are concatenated, a null
 * on either side yields the other side. Then {@link #byKey} folds sequence elements that share a
 * key ({@code task_key}, {@code job_cluster_key}, a parameter's {@code name}): a target that
 * lists a task with an existing task_key overrides that task's fields instead of adding a second
 * task.
 */
public final class Merger {

    private Merger() {
    }

    public static Value merge(Value a, Value b) {
        if (a == null || a.kind() == Kind.NIL) {
            return b;
        }
        if (b == null || b.kind() == Kind.NIL) {
            return a;
        }
        if (a instanceof MapValue ma && b instanceof MapValue mb) {
            MapValue out = ma;
            for (MapValue.Entry e : mb.entries()) {
                Value existing = out.get(e.key());
                out = existing == null ? out.with(e.key(), e.keyLocation(), e.value())
                        : out.with(e.key(), merge(existing, e.value()));
            }
            return out;
        }
        if (a instanceof SeqValue qa && b instanceof SeqValue qb) {
            List<Value> items = new ArrayList<>(qa.items());
            items.addAll(qb.items());
            return qa.withItems(items);
        }
        return b;
    }

    /**
     * Folds the elements of a sequence of maps that have the same value under {@code key} into
     * the first of them (later ones override); elements without the key stay as they are.
     */
    public static SeqValue byKey(SeqValue seq, String key) {
        Map<String, Integer> first = new LinkedHashMap<>();
        List<Value> out = new ArrayList<>();
        for (Value item : seq.items()) {
            String k = item instanceof MapValue m ? m.string(key) : null;
            if (k == null) {
                out.add(item);
                continue;
            }
            Integer at = first.get(k);
            if (at == null) {
                first.put(k, out.size());
                out.add(item);
            } else {
                out.set(at, merge(out.get(at), item));
            }
        }
        return seq.withItems(out);
    }
}
