package dev.mlsandbox.bundle.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mlsandbox.bundle.config.BundleSchema;
import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Diagnostic;
import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.FieldType;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.config.ScalarValue;
import dev.mlsandbox.bundle.config.SeqValue;
import dev.mlsandbox.bundle.config.Severity;
import dev.mlsandbox.bundle.config.Value;
import dev.mlsandbox.bundle.config.VarRef;

/**
 * Resolves {@code ${...}} references, as {@code bundle validate} does:
 * <ul>
 *   <li>{@code ${var.x}} is {@code ${variables.x.value}}; {@code ${bundle.name}}, {@code ${bundle.target}},
 *       {@code ${workspace.root_path}}, {@code ${workspace.current_user.short_name}} (and
 *       {@code userName}, {@code domain_friendly_name}) read the configuration;</li>
 *   <li>a reference that is the whole value keeps the referenced value's type (an int stays an int,
 *       a complex variable stays a map); inside a longer string it is interpolated as text;</li>
 *   <li>references to references are followed; a cycle is an error naming it; a path that does not
 *       exist is "reference does not exist: ${...}" with "did you mean" suggestions; a field the
 *       schema knows but the file leaves out reads as an empty string, as in the CLI;</li>
 *   <li>{@code ${resources.<type>.<key>.<field>}} must name a resource of the bundle, and stays as
 *       written until deploy (an {@code id} exists only once the resource does);</li>
 *   <li>other prefixes are left as written, as the CLI leaves them.</li>
 * </ul>
 * Unlike the CLI, each error also says where the reference was written.
 */
public final class References {

    private static final Set<String> ROOTS = Set.of("bundle", "workspace", "variables", "var", "resources");

    private final MapValue root;
    private final Diagnostics diagnostics;
    private final Map<String, Value> resolved = new HashMap<>();
    private final Set<String> failed = new LinkedHashSet<>();

    private References(MapValue root, Diagnostics diagnostics) {
        this.root = root;
        this.diagnostics = diagnostics;
    }

    /** The configuration with every reference it can resolve now resolved. */
    public static MapValue resolve(MapValue root, Diagnostics d) {
        References r = new References(root, d);
        return (MapValue) r.walk(root, ConfigPath.root());
    }

    private Value walk(Value v, ConfigPath path) {
        if (v instanceof MapValue m) {
            MapValue out = m;
            for (MapValue.Entry e : m.entries()) {
                Value nv = walk(e.value(), path.key(e.key()));
                if (nv != e.value()) {
                    out = out.with(e.key(), nv);
                }
            }
            return out;
        }
        if (v instanceof SeqValue q) {
            SeqValue out = q;
            for (int i = 0; i < q.size(); i++) {
                Value nv = walk(q.get(i), path.index(i));
                if (nv != q.get(i)) {
                    out = out.with(i, nv);
                }
            }
            return out;
        }
        ScalarValue s = (ScalarValue) v;
        if (s.value() instanceof String str && VarRef.contains(str)) {
            List<String> chain = new ArrayList<>();
            chain.add(path.toString());
            return interpolate(s, path, chain);
        }
        return v;
    }

    /** The string with its references replaced; on any failure the string as written. */
    private Value interpolate(ScalarValue s, ConfigPath where, List<String> chain) {
        String text = (String) s.value();
        List<VarRef.Match> refs = VarRef.find(text);
        if (refs.size() == 1 && refs.get(0).text().equals(text)) {
            Value target = lookup(refs.get(0).path(), s, where, chain);
            return target == null ? s : target.at(s.location());
        }
        String out = text;
        for (VarRef.Match m : refs) {
            Value target = lookup(m.path(), s, where, chain);
            if (target == null) {
                continue;
            }
            if (!(target instanceof ScalarValue ts)) {
                diagnostics.error("cannot interpolate non-primitive value of type " + target.kind().label() + " into string",
                        where, s.location());
                return s;
            }
            out = out.replace(m.text(), ts.value() == null ? "" : ts.text());
        }
        return ScalarValue.of(out, s.location());
    }

    /** The value a reference names, resolved; null to leave the reference as written. */
    private Value lookup(String ref, ScalarValue at, ConfigPath where, List<String> chain) {
        String first = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
        if (!ROOTS.contains(first.replaceAll("\\[.*", ""))) {
            return null;
        }
        if (first.equals("resources")) {
            checkResource(ref, at, where);
            return null;
        }
        if (failed.contains(ref)) {
            return null;
        }
        if (resolved.containsKey(ref)) {
            return resolved.get(ref);
        }
        if (chain.contains(ref)) {
            List<String> cycle = new ArrayList<>(chain);
            cycle.add(ref);
            diagnostics.error("cycle detected in field resolution: " + String.join(" -> ", cycle), where, at.location());
            failed.add(ref);
            return null;
        }
        ConfigPath path = canonical(ref);
        Value v = root.find(path);
        if (v == null) {
            if (knownField(path)) {
                v = ScalarValue.of("", at.location());
            } else {
                missing(ref, path, at, where);
                failed.add(ref);
                return null;
            }
        }
        List<String> next = new ArrayList<>(chain);
        next.add(ref);
        Value out = resolveWithin(v, path, next);
        if (out == null) {
            failed.add(ref);
            return null;
        }
        resolved.put(ref, out);
        return out;
    }

    /** A referenced value may hold references itself (a default that reads another variable). */
    private Value resolveWithin(Value v, ConfigPath path, List<String> chain) {
        if (v instanceof ScalarValue s && s.value() instanceof String str && VarRef.contains(str)) {
            return interpolate(s, path, chain);
        }
        if (v instanceof MapValue m) {
            MapValue out = m;
            for (MapValue.Entry e : m.entries()) {
                Value nv = resolveWithin(e.value(), path.key(e.key()), chain);
                if (nv == null) {
                    return null;
                }
                out = out.with(e.key(), nv);
            }
            return out;
        }
        if (v instanceof SeqValue q) {
            SeqValue out = q;
            for (int i = 0; i < q.size(); i++) {
                Value nv = resolveWithin(q.get(i), path.index(i), chain);
                if (nv == null) {
                    return null;
                }
                out = out.with(i, nv);
            }
            return out;
        }
        return v;
    }

    /** {@code var.x.y} is {@code variables.x.value.y}. */
    private static ConfigPath canonical(String ref) {
        ConfigPath p = ConfigPath.of(ref);
        if (!"var".equals(p.keyAt(0)) || p.size() < 2) {
            return p;
        }
        ConfigPath out = ConfigPath.root().key("variables").key(p.keyAt(1)).key("value");
        for (int i = 2; i < p.size(); i++) {
            ConfigPath.Segment s = p.segments().get(i);
            out = s instanceof ConfigPath.Key k ? out.key(k.name()) : out.index(((ConfigPath.Index) s).index());
        }
        return out;
    }

    /** A path the schema knows, under bundle or workspace (a field the file leaves out reads as ""). */
    private static boolean knownField(ConfigPath path) {
        String first = path.keyAt(0);
        if (!"bundle".equals(first) && !"workspace".equals(first)) {
            return false;
        }
        FieldType t = BundleSchema.ROOT;
        for (ConfigPath.Segment s : path.segments()) {
            if (!(s instanceof ConfigPath.Key k) || !(t instanceof FieldType.Struct st) || st.field(k.name()) == null) {
                return false;
            }
            t = st.field(k.name());
        }
        return t instanceof FieldType.Primitive || t instanceof FieldType.Enum;
    }

    private void checkResource(String ref, ScalarValue at, ConfigPath where) {
        ConfigPath p = ConfigPath.of(ref);
        if (p.size() >= 3 && root.find(ConfigPath.root().key("resources").key(p.keyAt(1)).key(p.keyAt(2))) != null) {
            return;
        }
        List<String> candidates = new ArrayList<>();
        if (root.get("resources") instanceof MapValue resources) {
            for (MapValue.Entry type : resources.entries()) {
                if (type.value() instanceof MapValue byKey) {
                    for (String key : byKey.keys()) {
                        String suffix = p.size() > 3 ? ref.substring(ref.indexOf('.', ref.indexOf('.', "resources.".length()) + 1))
                                : "";
                        candidates.add("resources." + type.key() + "." + key + suffix);
                    }
                }
            }
        }
        report(ref, Levenshtein.closest(ref, candidates), at, where);
    }

    private void missing(String ref, ConfigPath path, ScalarValue at, ConfigPath where) {
        List<String> candidates = new ArrayList<>();
        if (ref.startsWith("var.") && root.get("variables") instanceof MapValue vars) {
            vars.keys().forEach(k -> candidates.add("var." + k));
        } else {
            String parent = ref.contains(".") ? ref.substring(0, ref.lastIndexOf('.')) : "";
            Value pv = parent.isEmpty() ? root : root.find(parent);
            if (pv instanceof MapValue pm) {
                pm.keys().forEach(k -> candidates.add(parent + "." + k));
            }
        }
        report(ref, Levenshtein.closest(ref, candidates), at, where);
    }

    private void report(String ref, List<String> suggestions, ScalarValue at, ConfigPath where) {
        String detail = "";
        if (!suggestions.isEmpty()) {
            StringBuilder b = new StringBuilder(suggestions.size() == 1 ? "did you mean:" : "did you mean one of:");
            suggestions.forEach(s -> b.append("\n  ${").append(s).append('}'));
            detail = b.toString();
        }
        diagnostics.add(new Diagnostic(Severity.ERROR, "reference does not exist: ${" + ref + "}", detail, where,
                List.of(at.location())));
    }
}
