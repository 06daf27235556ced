package dev.mlsandbox.bundle.deploy;

import java.util.List;
import java.util.Map;

import dev.mlsandbox.bundle.BundleException;
import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Diagnostic;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.config.ScalarValue;
import dev.mlsandbox.bundle.config.SeqValue;
import dev.mlsandbox.bundle.config.Value;
import dev.mlsandbox.bundle.config.VarRef;
import dev.mlsandbox.bundle.model.ResourceKey;

/**
 * Resolves {@code ${resources.<type>.<key>.<field>}} at deploy time, once the resource exists:
 * {@code id} and {@code name} come from what was deployed (an experiment's id, a model's full name,
 * a job's id), any other field from the resource's resolved configuration. Resources deploy in the
 * order experiments, registered models, serving endpoints, monitors, jobs, so a job can refer to
 * all of them; a reference to a resource deployed later is an error.
 */
final class ResourceRefs {

    private ResourceRefs() {
    }

    static MapValue resolve(MapValue resource, ConfigPath path, MapValue tree, Map<ResourceKey, StateEntry> deployed) {
        return (MapValue) walk(resource, path, tree, deployed);
    }

    private static Value walk(Value v, ConfigPath path, MapValue tree, Map<ResourceKey, StateEntry> deployed) {
        if (v instanceof MapValue m) {
            MapValue out = m;
            for (MapValue.Entry e : m.entries()) {
                out = out.with(e.key(), walk(e.value(), path.key(e.key()), tree, deployed));
            }
            return out;
        }
        if (v instanceof SeqValue q) {
            SeqValue out = q;
            for (int i = 0; i < q.size(); i++) {
                out = out.with(i, walk(q.get(i), path.index(i), tree, deployed));
            }
            return out;
        }
        ScalarValue s = (ScalarValue) v;
        if (!(s.value() instanceof String text) || !VarRef.contains(text)) {
            return v;
        }
        String out = text;
        for (VarRef.Match m : VarRef.find(text)) {
            if (!m.path().startsWith("resources.")) {
                continue;
            }
            Value target = lookup(m.path(), s, path, tree, deployed);
            if (m.text().equals(text)) {
                return target.at(s.location());
            }
            out = out.replace(m.text(), ((ScalarValue) target).text());
        }
        return ScalarValue.of(out, s.location());
    }

    private static Value lookup(String ref, ScalarValue at, ConfigPath where, MapValue tree,
                                Map<ResourceKey, StateEntry> deployed) {
        ConfigPath p = ConfigPath.of(ref);
        ResourceKey key = new ResourceKey(p.keyAt(1), p.keyAt(2));
        String field = p.size() > 3 ? ref.substring(("resources." + key + ".").length()) : "";
        StateEntry e = deployed.get(key);
        if (e == null) {
            throw fail("cannot resolve ${" + ref + "}: " + key + " is not deployed yet when " + where
                    + " is (experiments, registered models, endpoints, monitors and jobs deploy in that order)", where, at);
        }
        if (field.equals("id")) {
            return ScalarValue.of(e.id(), at.location());
        }
        if (field.equals("name") && e.name() != null) {
            return ScalarValue.of(e.name(), at.location());
        }
        Value v = tree.find(key.path().toString() + (field.isEmpty() ? "" : "." + field));
        if (v == null) {
            throw fail("reference does not exist: ${" + ref + "}", where, at);
        }
        if (!(v instanceof ScalarValue) && !ref.equals(at.value())) {
            throw fail("cannot interpolate non-primitive value of type " + v.kind().label() + " into string", where, at);
        }
        return v;
    }

    private static BundleException fail(String message, ConfigPath where, ScalarValue at) {
        return new BundleException(List.of(Diagnostic.error(message, where, at.location())));
    }
}
