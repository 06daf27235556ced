package dev.mlsandbox.bundle.resolve;

import java.util.ArrayList;
import java.util.List;

import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.Location;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.config.ScalarValue;
import dev.mlsandbox.bundle.config.SeqValue;
import dev.mlsandbox.bundle.config.Value;

/**
 * Applies {@code presets} to the resources, as the Databricks CLI does (apply_presets.go), then the
 * job defaults the CLI fills in after them:
 * <ul>
 *   <li>jobs: {@code name_prefix + name}, preset tags where the job has none of that key,
 *       {@code max_concurrent_runs} from {@code jobs_max_concurrent_runs}, and every schedule,
 *       trigger and continuous setting without a pause status gets {@code trigger_pause_status};</li>
 *   <li>experiments: the prefix before the last path element ({@code /Users/a/[dev a] churn}), and
 *       the tags;</li>
 *   <li>registered models and serving endpoints: the prefix normalized for Unity Catalog names
 *       ({@code [dev jane] } becomes {@code dev_jane_});</li>
 *   <li>quality monitors: with {@code trigger_pause_status: PAUSED} their schedule is removed
 *       (monitors cannot be paused) unless it says {@code pause_status: UNPAUSED};</li>
 *   <li>job defaults: name {@code Untitled}, {@code max_concurrent_runs: 1}, pause status
 *       {@code UNPAUSED}.</li>
 * </ul>
 */
public final class Presets {

    private Presets() {
    }

    public static MapValue apply(MapValue root, Diagnostics d) {
        MapValue presets = root.get("presets") instanceof MapValue p ? p : MapValue.empty(Location.none());
        String pause = presets.string("trigger_pause_status");
        if (pause != null && !pause.isEmpty() && !pause.equals("PAUSED") && !pause.equals("UNPAUSED")) {
            d.error("Invalid value for trigger_pause_status, should be PAUSED or UNPAUSED",
                    ConfigPath.of("presets.trigger_pause_status"), presets.get("trigger_pause_status").location());
            pause = null;
        }
        String prefix = presets.string("name_prefix") == null ? "" : presets.string("name_prefix");
        MapValue tags = presets.get("tags") instanceof MapValue t ? t : MapValue.empty(Location.none());
        Long maxRuns = presets.get("jobs_max_concurrent_runs") instanceof ScalarValue s && s.value() instanceof Long n ? n : null;
        if (!(root.get("resources") instanceof MapValue resources)) {
            return root;
        }
        resources = each(resources, "jobs", job -> job(job, prefix, tags, maxRuns, pausePreset(presets)));
        resources = each(resources, "experiments", e -> experiment(e, prefix, tags));
        String ucPrefix = CurrentUser.normalizedPrefix(prefix);
        resources = each(resources, "registered_models", m -> prefixName(m, "name", ucPrefix));
        resources = each(resources, "model_serving_endpoints", m -> prefixName(m, "name", ucPrefix));
        if ("PAUSED".equals(pause)) {
            resources = each(resources, "quality_monitors", m -> m.get("schedule") instanceof MapValue s
                    && !"UNPAUSED".equals(s.string("pause_status")) ? m.without("schedule") : m);
        }
        return root.with("resources", resources);
    }

    private static String pausePreset(MapValue presets) {
        String p = presets.string("trigger_pause_status");
        return "PAUSED".equals(p) || "UNPAUSED".equals(p) ? p : null;
    }

    private interface Edit {
        MapValue apply(MapValue resource);
    }

    private static MapValue each(MapValue resources, String type, Edit edit) {
        if (!(resources.get(type) instanceof MapValue byKey)) {
            return resources;
        }
        MapValue out = byKey;
        for (MapValue.Entry e : byKey.entries()) {
            if (e.value() instanceof MapValue r) {
                out = out.with(e.key(), edit.apply(r));
            }
        }
        return resources.with(type, out);
    }

    private static MapValue job(MapValue job, String prefix, MapValue tags, Long maxRuns, String pause) {
        String name = job.string("name");
        String prefixed = prefix + (name == null ? "" : name);
        job = setString(job, "name", prefixed.isEmpty() ? "Untitled" : prefixed);
        if (tags.size() > 0) {
            MapValue jt = job.get("tags") instanceof MapValue t ? t : MapValue.empty(Location.none());
            for (MapValue.Entry t : sorted(tags)) {
                String existing = jt.string(t.key());
                if (existing == null || existing.isEmpty()) {
                    jt = jt.with(t.key(), Location.none(), t.value());
                }
            }
            job = job.has("tags") ? job.with("tags", jt) : job.with("tags", Location.none(), jt);
        }
        long runs = job.get("max_concurrent_runs") instanceof ScalarValue s && s.value() instanceof Long n ? n : 0L;
        if (runs == 0) {
            job = job.with("max_concurrent_runs", Location.none(), ScalarValue.of(maxRuns != null && maxRuns != 0 ? maxRuns : 1L,
                    Location.none()));
        }
        for (String field : List.of("schedule", "trigger", "continuous")) {
            if (job.get(field) instanceof MapValue m && (m.string("pause_status") == null || m.string("pause_status").isEmpty())) {
                job = job.with(field, m.with("pause_status", Location.none(),
                        ScalarValue.of(pause == null ? "UNPAUSED" : pause, Location.none())));
            }
        }
        return job;
    }

    private static MapValue experiment(MapValue e, String prefix, MapValue tags) {
        String name = e.string("name");
        if (name != null && !prefix.isEmpty()) {
            int slash = name.lastIndexOf('/');
            e = setString(e, "name", slash < 0 ? prefix + name : name.substring(0, slash + 1) + prefix + name.substring(slash + 1));
        }
        if (tags.size() > 0) {
            List<Value> items = e.get("tags") instanceof SeqValue q ? new ArrayList<>(q.items()) : new ArrayList<>();
            for (MapValue.Entry t : sorted(tags)) {
                boolean exists = items.stream().anyMatch(i -> i instanceof MapValue m && t.key().equals(m.string("key")));
                if (!exists) {
                    items.add(MapValue.empty(Location.none()).with("key", Location.none(), ScalarValue.of(t.key(), Location.none()))
                            .with("value", Location.none(), t.value()));
                }
            }
            SeqValue seq = e.get("tags") instanceof SeqValue q ? q.withItems(items) : SeqValue.of(items, Location.none());
            e = e.has("tags") ? e.with("tags", seq) : e.with("tags", Location.none(), seq);
        }
        return e;
    }

    private static MapValue prefixName(MapValue r, String field, String prefix) {
        String name = r.string(field);
        return name == null || prefix.isEmpty() ? r : setString(r, field, prefix + name);
    }

    private static MapValue setString(MapValue m, String field, String value) {
        Location at = m.get(field) == null ? Location.none() : m.get(field).location();
        return m.has(field) ? m.with(field, ScalarValue.of(value, at)) : m.with(field, Location.none(), ScalarValue.of(value, at));
    }

    private static List<MapValue.Entry> sorted(MapValue tags) {
        List<MapValue.Entry> out = new ArrayList<>(tags.entries());
        out.sort((a, b) -> a.key().compareTo(b.key()));
        return out;
    }
}
