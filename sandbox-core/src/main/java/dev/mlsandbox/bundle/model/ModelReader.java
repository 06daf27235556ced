package dev.mlsandbox.bundle.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mlsandbox.bundle.config.BundleSchema;
import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Location;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.config.ScalarValue;
import dev.mlsandbox.bundle.config.SeqValue;
import dev.mlsandbox.bundle.config.Value;
import dev.mlsandbox.bundle.resolve.CurrentUser;

/**
 * Reads the typed records from a resolved configuration tree. Lenient: the checks before it have
 * already reported what is missing or mistyped, so a missing field here is simply null or empty.
 */
public final class ModelReader {

    private ModelReader() {
    }

    public static BundleConfig read(MapValue root, CurrentUser user) {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (root.get("variables") instanceof MapValue vars) {
            for (MapValue.Entry e : vars.entries()) {
                variables.put(e.key(), plain(e.value().find("value")));
            }
        }
        return new BundleConfig(root.string("bundle.name"), root.string("bundle.target"), blankToNull(root.string("bundle.mode")),
                root.string("workspace.host"), root.string("workspace.root_path"), user, variables,
                read(root, "jobs", ModelReader::job), read(root, "experiments", ModelReader::experiment),
                read(root, "registered_models", ModelReader::model),
                read(root, "model_serving_endpoints", (k, m) -> new GenericResource(k, m.string("name"), m, m.location())),
                read(root, "quality_monitors", (k, m) -> new GenericResource(k, m.string("table_name"), m, m.location())), root);
    }

    private interface Reader<T> {
        T read(ResourceKey key, MapValue m);
    }

    private static <T> Map<String, T> read(MapValue root, String type, Reader<T> reader) {
        Map<String, T> out = new LinkedHashMap<>();
        if (root.get("resources") instanceof MapValue r && r.get(type) instanceof MapValue byKey) {
            for (MapValue.Entry e : byKey.entries()) {
                MapValue m = e.value() instanceof MapValue mv ? mv : MapValue.empty(e.keyLocation());
                out.put(e.key(), reader.read(new ResourceKey(type, e.key()), m.at(e.keyLocation())));
            }
        }
        return out;
    }

    /** A job from its resolved configuration. */
    public static Job job(ResourceKey key, MapValue m) {
        List<Task> tasks = new ArrayList<>();
        if (m.get("tasks") instanceof SeqValue q) {
            for (int i = 0; i < q.size(); i++) {
                if (q.get(i) instanceof MapValue t && t.string("task_key") != null) {
                    tasks.add(task(t, key.path().key("tasks").index(i)));
                }
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (m.get("parameters") instanceof SeqValue ps) {
            for (Value p : ps.items()) {
                if (p instanceof MapValue pm && pm.string("name") != null) {
                    parameters.put(pm.string("name"), pm.string("default") == null ? "" : pm.string("default"));
                }
            }
        }
        long maxRuns = m.get("max_concurrent_runs") instanceof ScalarValue s && s.value() instanceof Long n ? n : 1L;
        return new Job(key, m.string("name"), tasks, parameters, strings(m.get("tags")), m.string("schedule.pause_status"),
                m.string("trigger.pause_status"), maxRuns, m.location());
    }

    private static Task task(MapValue t, ConfigPath path) {
        List<TaskDependency> deps = new ArrayList<>();
        if (t.get("depends_on") instanceof SeqValue q) {
            for (Value d : q.items()) {
                if (d instanceof MapValue dm && dm.string("task_key") != null) {
                    deps.add(new TaskDependency(dm.string("task_key"), dm.string("outcome")));
                }
            }
        }
        String runIf = t.string("run_if");
        RunIf r = RunIf.ALL_SUCCESS;
        if (runIf != null && BundleSchema.RUN_IF.contains(runIf)) {
            r = RunIf.valueOf(runIf);
        }
        boolean disabled = t.get("disabled") instanceof ScalarValue s && Boolean.TRUE.equals(s.value());
        int retries = t.get("max_retries") instanceof ScalarValue s && s.value() instanceof Long n ? (int) Math.max(0, n) : 0;
        return new Task(t.string("task_key"), deps, r, kind(t), disabled, retries, path, t.location());
    }

    private static TaskKind kind(MapValue t) {
        for (String field : BundleSchema.TASK_TYPES) {
            if (!(t.get(field) instanceof MapValue k)) {
                continue;
            }
            return switch (field) {
                case "condition_task" -> new TaskKind.Condition(k.string("left"), k.string("op"), k.string("right"));
                case "spark_jar_task" -> new TaskKind.SparkJar(k.string("main_class_name"), list(k.get("parameters")),
                        k.string("jar_uri"));
                case "notebook_task" -> new TaskKind.Notebook(k.string("notebook_path"), strings(k.get("base_parameters")));
                case "python_wheel_task" -> new TaskKind.PythonWheel(k.string("package_name"), k.string("entry_point"),
                        list(k.get("parameters")));
                case "spark_python_task" -> new TaskKind.SparkPython(k.string("python_file"), list(k.get("parameters")));
                default -> new TaskKind.Other(field);
            };
        }
        return new TaskKind.Other("no task type");
    }

    /** An experiment from its resolved configuration. */
    public static Experiment experiment(ResourceKey key, MapValue m) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (m.get("tags") instanceof SeqValue q) {
            for (Value t : q.items()) {
                if (t instanceof MapValue tm && tm.string("key") != null) {
                    tags.put(tm.string("key"), tm.string("value") == null ? "" : tm.string("value"));
                }
            }
        }
        return new Experiment(key, m.string("name"), m.string("artifact_location"), tags, m.location());
    }

    /** A registered model from its resolved configuration. */
    public static RegisteredModel model(ResourceKey key, MapValue m) {
        List<Grant> grants = new ArrayList<>();
        if (m.get("grants") instanceof SeqValue q) {
            for (int i = 0; i < q.size(); i++) {
                if (q.get(i) instanceof MapValue g) {
                    List<String> privileges = new ArrayList<>();
                    for (String p : list(g.get("privileges"))) {
                        privileges.add(p.toUpperCase(Locale.ROOT).replace(' ', '_'));
                    }
                    grants.add(new Grant(g.string("principal"), privileges, key.path().key("grants").index(i), g.location(),
                            loc(g.get("principal") == null ? g : g.get("principal"))));
                }
            }
        }
        List<ModelAlias> aliases = new ArrayList<>();
        if (m.get("aliases") instanceof SeqValue q) {
            for (int i = 0; i < q.size(); i++) {
                if (q.get(i) instanceof MapValue a && a.string("alias_name") != null) {
                    long v = a.get("version_num") instanceof ScalarValue s && s.value() instanceof Long n ? n : -1L;
                    aliases.add(new ModelAlias(a.string("alias_name"), v, key.path().key("aliases").index(i), a.location()));
                }
            }
        }
        return new RegisteredModel(key, m.string("catalog_name"), m.string("schema_name"), m.string("name"), m.string("comment"),
                grants, aliases, m.location());
    }

    static List<String> list(Value v) {
        List<String> out = new ArrayList<>();
        if (v instanceof SeqValue q) {
            for (Value item : q.items()) {
                if (item instanceof ScalarValue s && s.value() != null) {
                    out.add(s.text());
                }
            }
        }
        return out;
    }

    static Map<String, String> strings(Value v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof MapValue m) {
            for (MapValue.Entry e : m.entries()) {
                if (e.value() instanceof ScalarValue s && s.value() != null) {
                    out.put(e.key(), s.text());
                }
            }
        }
        return out;
    }

    /** A value as plain Java: String, Boolean, Long, Double, null, List, Map. */
    public static Object plain(Value v) {
        if (v == null) {
            return null;
        }
        if (v instanceof ScalarValue s) {
            return s.value();
        }
        if (v instanceof SeqValue q) {
            List<Object> out = new ArrayList<>();
            q.items().forEach(i -> out.add(plain(i)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((MapValue) v).entries().forEach(e -> out.put(e.key(), plain(e.value())));
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static Location loc(Value v) {
        return v == null ? Location.none() : v.location();
    }
}
