package dev.mlsandbox.bundle.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Target selection and override, as the Databricks CLI does them: with no {@code targets} there is
 * one called {@code default}; without {@code -t} the only target, or the one marked
 * {@code default: true}, is selected ("please specify target" otherwise); the selected target's
 * {@code bundle}, {@code workspace}, {@code artifacts}, {@code resources}, {@code sync},
 * {@code permissions} and {@code presets} are merged over the top-level ones, its {@code variables}
 * replace the default (or lookup) of variables defined at the top level, and {@code run_as},
 * {@code mode}, {@code cluster_id} replace. Job tasks, job clusters and job parameters with the
 * same key are then folded together, as are the grants of one principal.
 */
public final class Targets {

    public static final String DEFAULT = "default";
    public static final String DEVELOPMENT = "development";
    public static final String PRODUCTION = "production";

    private Targets() {
    }

    /** The target to use, or null (with an error) when there is no single choice. */
    public static String select(MapValue root, String requested, Diagnostics d) {
        MapValue targets = targets(root);
        List<String> names = targets == null ? List.of() : targets.keys();
        if (names.isEmpty()) {
            if (requested != null && !requested.equals(DEFAULT)) {
                d.error(requested + ": no such target. Available targets: " + DEFAULT, ConfigPath.root(), null);
                return null;
            }
            return DEFAULT;
        }
        if (requested != null) {
            if (!names.contains(requested)) {
                d.error(requested + ": no such target. Available targets: " + String.join(", ", names), ConfigPath.root(),
                        null);
                return null;
            }
            return requested;
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        List<String> defaults = new ArrayList<>();
        for (MapValue.Entry e : targets.entries()) {
            if (e.value() instanceof MapValue t && t.get("default") instanceof ScalarValue s && Boolean.TRUE.equals(s.value())) {
                defaults.add(e.key());
            }
        }
        if (defaults.size() > 1) {
            d.error("multiple targets are marked as default (" + String.join(", ", defaults) + ")", ConfigPath.of("targets"),
                    targets.location());
            return null;
        }
        if (defaults.isEmpty()) {
            d.add(new Diagnostic(Severity.ERROR, "please specify target", "Pass -t with one of: " + String.join(", ", names)
                    + ", or mark one target with 'default: true'.", null, null));
            return null;
        }
        return defaults.get(0);
    }

    /** {@code targets}, or the deprecated {@code environments} when there are no targets. */
    static MapValue targets(MapValue root) {
        if (root.get("targets") instanceof MapValue t && t.size() > 0) {
            return t;
        }
        return root.get("environments") instanceof MapValue e ? e : null;
    }

    /** The configuration with {@code name}'s overrides applied and {@code bundle.target} set. */
    public static MapValue apply(MapValue root, String name, Diagnostics d) {
        MapValue targets = targets(root);
        Value tv = targets == null ? null : targets.get(name);
        MapValue target = tv instanceof MapValue m ? m : MapValue.empty(tv == null ? Location.none() : tv.location());
        MapValue out = root.without("targets").without("environments");
        for (String field : List.of("bundle", "workspace", "artifacts", "resources", "sync", "permissions", "presets")) {
            Value override = target.get(field);
            if (override != null) {
                MapValue.Entry e = target.entry(field);
                Value base = out.get(field);
                out = out.with(field, base == null ? e.keyLocation() : out.entry(field).keyLocation(), Merger.merge(base, override));
            }
        }
        out = overrideVariables(out, target, name, d);
        if (target.get("run_as") != null) {
            out = out.with("run_as", target.entry("run_as").keyLocation(), target.get("run_as"));
        }
        MapValue bundle = out.get("bundle") instanceof MapValue b ? b : MapValue.empty(Location.none());
        for (String field : List.of("mode", "cluster_id", "compute_id")) {
            if (target.get(field) != null) {
                bundle = bundle.with(field, target.entry(field).keyLocation(), target.get(field));
            }
        }
        if (target.get("git") != null) {
            bundle = bundle.with("git", target.entry("git").keyLocation(), Merger.merge(bundle.get("git"), target.get("git")));
        }
        bundle = bundle.with("target", Location.none(), ScalarValue.of(name, target.location()));
        out = out.with("bundle", out.has("bundle") ? out.entry("bundle").keyLocation() : Location.none(), bundle);
        return foldByKeys(out);
    }

    /** The target's value of a variable replaces its default; a lookup replaces its lookup. */
    private static MapValue overrideVariables(MapValue root, MapValue target, String name, Diagnostics d) {
        if (!(target.get("variables") instanceof MapValue vars)) {
            return root;
        }
        MapValue defined = root.get("variables") instanceof MapValue v ? v : MapValue.empty(Location.none());
        for (MapValue.Entry e : vars.entries()) {
            if (!defined.has(e.key())) {
                d.error("failed to perform target override for target=" + name + ": variable " + e.key()
                        + " is not defined but is assigned a value", ConfigPath.of("targets").key(name).key("variables")
                        .key(e.key()), e.keyLocation());
                continue;
            }
            MapValue def = defined.get(e.key()) instanceof MapValue m ? m : MapValue.empty(defined.get(e.key()).location());
            Value value = e.value();
            if (isFullOverride(value)) {
                MapValue full = (MapValue) value;
                if (full.has("default")) {
                    def = def.with("default", full.entry("default").keyLocation(), full.get("default")).without("lookup");
                }
                if (full.has("lookup")) {
                    def = def.with("lookup", full.entry("lookup").keyLocation(), full.get("lookup")).without("default");
                }
            } else {
                def = def.with("default", e.keyLocation(), value).without("lookup");
            }
            defined = defined.with(e.key(), def);
        }
        return root.with("variables", defined);
    }

    /** {@code {default: ...}}, {@code {lookup: ...}} (with type/description): the long form of a target's variable. */
    private static boolean isFullOverride(Value v) {
        if (!(v instanceof MapValue m)) {
            return false;
        }
        Set<String> keys = Set.copyOf(m.keys());
        for (Set<String> allowed : List.of(Set.of("default", "type", "description"), Set.of("default", "type"),
                Set.of("default", "description"), Set.of("lookup", "description"), Set.of("default"), Set.of("lookup"))) {
            if (allowed.equals(keys)) {
                return true;
            }
        }
        return false;
    }

    private static MapValue foldByKeys(MapValue root) {
        if (!(root.get("resources") instanceof MapValue resources)) {
            return root;
        }
        if (resources.get("jobs") instanceof MapValue jobs) {
            MapValue out = jobs;
            for (MapValue.Entry e : jobs.entries()) {
                if (e.value() instanceof MapValue job) {
                    MapValue j = job;
                    j = fold(j, "tasks", "task_key");
                    j = fold(j, "job_clusters", "job_cluster_key");
                    j = fold(j, "parameters", "name");
                    out = out.with(e.key(), j);
                }
            }
            resources = resources.with("jobs", out);
        }
        if (resources.get("registered_models") instanceof MapValue models) {
            MapValue out = models;
            for (MapValue.Entry e : models.entries()) {
                if (e.value() instanceof MapValue m && m.get("grants") instanceof SeqValue grants) {
                    out = out.with(e.key(), m.with("grants", mergeGrants(grants)));
                }
            }
            resources = resources.with("registered_models", out);
        }
        return root.with("resources", resources);
    }

    private static MapValue fold(MapValue job, String field, String key) {
        return job.get(field) instanceof SeqValue q ? job.with(field, Merger.byKey(q, key)) : job;
    }

    /** Grants of one principal become one grant with the union of the privileges (no duplicates). */
    private static SeqValue mergeGrants(SeqValue grants) {
        SeqValue folded = Merger.byKey(grants, "principal");
        List<Value> out = new ArrayList<>();
        for (Value g : folded.items()) {
            if (g instanceof MapValue m && m.get("privileges") instanceof SeqValue ps) {
                List<Value> unique = new ArrayList<>();
                List<Object> seen = new ArrayList<>();
                for (Value p : ps.items()) {
                    Object key = p instanceof ScalarValue s ? s.value() : p;
                    if (!seen.contains(key)) {
                        seen.add(key);
                        unique.add(p);
                    }
                }
                out.add(m.with("privileges", ps.withItems(unique)));
            } else {
                out.add(g);
            }
        }
        return folded.withItems(out);
    }
}
