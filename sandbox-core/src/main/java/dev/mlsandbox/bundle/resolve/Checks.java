package dev.mlsandbox.bundle.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mlsandbox.bundle.config.BundleSchema;
import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Diagnostic;
import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.FieldType;
import dev.mlsandbox.bundle.config.Kind;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.config.ScalarValue;
import dev.mlsandbox.bundle.config.SeqValue;
import dev.mlsandbox.bundle.config.Severity;
import dev.mlsandbox.bundle.config.Value;
import dev.mlsandbox.bundle.config.VarRef;

/**
 * The checks {@code bundle validate} runs on the resolved configuration:
 * <ul>
 *   <li>required fields ("required field \"task_key\" is not set") and enum values ("invalid value
 *       \"ALL_SUCEESS\" for enum field. Valid values are [...]"), warnings as in the CLI;</li>
 *   <li>the job checks the CLI runs (a compute task without a cluster or environment is an error,
 *       an undefined {@code job_cluster_key} a warning);</li>
 *   <li>the task graph, which the CLI leaves to the Jobs API at deploy time and the sandbox checks
 *       here, with positions: task keys unique within a job, {@code depends_on} naming a task of the
 *       job, no cycle, and {@code outcome} only on a dependency on a condition_task, "true" or
 *       "false";</li>
 *   <li>resource types the sandbox does not deploy (pipelines, clusters ...): a warning.</li>
 * </ul>
 */
public final class Checks {

    private static final List<String> COMPUTE_TASKS = List.of("python_wheel_task", "spark_jar_task", "spark_submit_task",
            "spark_python_task", "dbt_task");

    private Checks() {
    }

    public static void run(MapValue root, Diagnostics d) {
        List<Diagnostic> found = new ArrayList<>();
        walk(BundleSchema.ROOT, root, ConfigPath.root(), found);
        found.sort((a, b) -> a.path().toString().compareTo(b.path().toString()));
        d.addAll(found);
        if (root.get("resources") instanceof MapValue resources) {
            if (resources.get("jobs") instanceof MapValue jobs) {
                for (MapValue.Entry e : jobs.entries()) {
                    if (e.value() instanceof MapValue job) {
                        job(e.key(), job, ConfigPath.of("resources.jobs").key(e.key()), d);
                    }
                }
            }
            for (MapValue.Entry type : resources.entries()) {
                if (BundleSchema.OTHER_RESOURCES.contains(type.key()) && type.value() instanceof MapValue m && m.size() > 0) {
                    d.warning(type.key().replace('_', ' ') + " are not deployed by the sandbox: validate checks nothing inside"
                            + " them and deploy skips them", ConfigPath.of("resources").key(type.key()), type.keyLocation());
                }
            }
        }
    }

    /** Required fields and enum values, everywhere the schema reaches. */
    private static void walk(FieldType type, Value v, ConfigPath path, List<Diagnostic> out) {
        if (v == null || v.kind() == Kind.NIL) {
            return;
        }
        if (type instanceof FieldType.Struct st && v instanceof MapValue m) {
            for (String req : st.required()) {
                Value f = m.get(req);
                if (f == null || f.kind() == Kind.NIL) {
                    out.add(Diagnostic.warning("required field \"" + req + "\" is not set", path, m.location()));
                }
            }
            for (MapValue.Entry e : m.entries()) {
                FieldType ft = st.field(e.key());
                if (ft != null) {
                    walk(ft, e.value(), path.key(e.key()), out);
                }
            }
        } else if (type instanceof FieldType.MapOf mt && v instanceof MapValue m) {
            for (MapValue.Entry e : m.entries()) {
                walk(mt.element(), e.value(), path.key(e.key()), out);
            }
        } else if (type instanceof FieldType.SeqOf qt && v instanceof SeqValue q) {
            for (int i = 0; i < q.size(); i++) {
                walk(qt.element(), q.get(i), path.index(i), out);
            }
        } else if (type instanceof FieldType.Enum en && v instanceof ScalarValue s && s.value() instanceof String str
                && !VarRef.contains(str) && !en.values().contains(str)) {
            out.add(Diagnostic.warning("invalid value \"" + str + "\" for enum field. Valid values are ["
                    + String.join(" ", en.values()) + "]", path, v.location()));
        }
    }

    private static void job(String key, MapValue job, ConfigPath path, Diagnostics d) {
        if (!(job.get("tasks") instanceof SeqValue tasks)) {
            return;
        }
        Set<String> clusterKeys = new LinkedHashSet<>();
        if (job.get("job_clusters") instanceof SeqValue clusters) {
            for (Value c : clusters.items()) {
                if (c instanceof MapValue cm && cm.string("job_cluster_key") != null) {
                    clusterKeys.add(cm.string("job_cluster_key"));
                }
            }
        }
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (!(tasks.get(i) instanceof MapValue t) || t.string("task_key") == null) {
                continue;
            }
            ConfigPath tp = path.key("tasks").index(i);
            String taskKey = t.string("task_key");
            Integer previous = byKey.putIfAbsent(taskKey, i);
            if (previous != null) {
                d.add(new Diagnostic(Severity.ERROR, "task_key '" + taskKey + "' is used by two tasks of job '" + key + "'",
                        "Task keys must be unique within a job; the Jobs API refuses the job.", tp.key("task_key"),
                        List.of(t.get("task_key").location(), tasks.get(previous).location())));
            }
            computeSpec(taskKey, t, tp, d);
            String clusterKey = t.string("job_cluster_key");
            if (clusterKey != null && !clusterKey.isEmpty() && !clusterKeys.contains(clusterKey)) {
                d.warning("job_cluster_key " + clusterKey + " is not defined", tp.key("job_cluster_key"),
                        t.get("job_cluster_key").location());
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i) instanceof MapValue t && t.string("task_key") != null && t.get("depends_on") instanceof SeqValue deps) {
                dependencies(key, t, tasks, byKey, deps, path.key("tasks").index(i).key("depends_on"), d);
            }
        }
        cycles(key, tasks, byKey, path, d);
    }

    private static void computeSpec(String taskKey, MapValue t, ConfigPath tp, Diagnostics d) {
        boolean compute = COMPUTE_TASKS.stream().anyMatch(t::has);
        if (!compute) {
            return;
        }
        List<String> unspecified = new ArrayList<>();
        for (String f : List.of("job_cluster_key", "environment_key", "existing_cluster_id", "new_cluster")) {
            Value v = t.get(f);
            if (v == null || v instanceof ScalarValue s && (s.value() == null || "".equals(s.value()))) {
                unspecified.add(f);
            }
        }
        if (unspecified.size() == 4) {
            d.add(new Diagnostic(Severity.ERROR, "Missing required cluster or environment settings", "Task \"" + taskKey
                    + "\" requires a cluster or an environment to run.\nSpecify one of the following fields: "
                    + String.join(", ", unspecified) + ".", tp, List.of(t.location())));
        }
    }

    private static void dependencies(String job, MapValue task, SeqValue tasks, Map<String, Integer> byKey, SeqValue deps,
                                     ConfigPath path, Diagnostics d) {
        String taskKey = task.string("task_key");
        for (int j = 0; j < deps.size(); j++) {
            if (!(deps.get(j) instanceof MapValue dep) || dep.string("task_key") == null) {
                continue;
            }
            String on = dep.string("task_key");
            ConfigPath dp = path.index(j);
            Integer target = byKey.get(on);
            if (target == null) {
                List<String> close = Levenshtein.closest(on, byKey.keySet());
                d.add(new Diagnostic(Severity.ERROR, "task '" + taskKey + "' depends on '" + on + "', which is not a task of job '"
                        + job + "'", close.isEmpty() ? "The job's tasks are: " + String.join(", ", byKey.keySet())
                        : "did you mean: " + close.get(0), dp.key("task_key"), List.of(dep.get("task_key").location())));
                continue;
            }
            if (on.equals(taskKey)) {
                d.error("task '" + taskKey + "' depends on itself", dp.key("task_key"), dep.get("task_key").location());
            }
            String outcome = dep.string("outcome");
            if (outcome != null) {
                boolean condition = tasks.get(target) instanceof MapValue tt && tt.has("condition_task");
                if (!condition) {
                    d.error("'outcome' applies only to a dependency on a condition_task, and '" + on + "' is not one",
                            dp.key("outcome"), dep.get("outcome").location());
                } else if (!outcome.equals("true") && !outcome.equals("false")) {
                    d.error("outcome must be \"true\" or \"false\", found \"" + outcome + "\"", dp.key("outcome"),
                            dep.get("outcome").location());
                }
            }
        }
    }

    /** Depth-first search for a cycle; reported once, at the task where it closes. */
    private static void cycles(String job, SeqValue tasks, Map<String, Integer> byKey, ConfigPath path, Diagnostics d) {
        Map<String, Integer> state = new LinkedHashMap<>();
        for (String start : byKey.keySet()) {
            List<String> stack = new ArrayList<>();
            if (visit(start, tasks, byKey, state, stack, job, path, d)) {
                return;
            }
        }
    }

    private static boolean visit(String key, SeqValue tasks, Map<String, Integer> byKey, Map<String, Integer> state,
                                 List<String> stack, String job, ConfigPath path, Diagnostics d) {
        Integer s = state.get(key);
        if (s != null && s == 2) {
            return false;
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(key), stack.size()));
            cycle.add(key);
            if (cycle.size() > 2) {
                String last = stack.get(stack.size() - 1);
                int i = byKey.get(last);
                d.add(new Diagnostic(Severity.ERROR, "depends_on forms a cycle in job '" + job + "': "
                        + String.join(" -> ", reversed(cycle)), "A job's tasks must form a directed acyclic graph; the Jobs"
                        + " API refuses this job.", path.key("tasks").index(i).key("depends_on"),
                        List.of(((MapValue) tasks.get(i)).get("depends_on").location())));
            }
            return cycle.size() > 2;
        }
        state.put(key, 1);
        stack.add(key);
        MapValue t = (MapValue) tasks.get(byKey.get(key));
        if (t.get("depends_on") instanceof SeqValue deps) {
            for (Value dep : deps.items()) {
                String on = dep instanceof MapValue dm ? dm.string("task_key") : null;
                if (on != null && byKey.containsKey(on) && visit(on, tasks, byKey, state, stack, job, path, d)) {
                    return true;
                }
            }
        }
        stack.remove(stack.size() - 1);
        state.put(key, 2);
        return false;
    }

    /** The stack follows depends_on edges (task -> its dependency); print it in run order. */
    private static List<String> reversed(List<String> cycle) {
        List<String> out = new ArrayList<>(cycle);
        java.util.Collections.reverse(out);
        return out;
    }
}
