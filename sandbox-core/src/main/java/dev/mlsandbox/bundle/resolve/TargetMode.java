package dev.mlsandbox.bundle.resolve;

import java.util.List;

import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Diagnostic;
import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.Location;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.config.ScalarValue;
import dev.mlsandbox.bundle.config.Severity;
import dev.mlsandbox.bundle.config.Targets;
import dev.mlsandbox.bundle.config.Value;

/**
 * A target's {@code mode}, as the Databricks CLI applies it (bundle/config/mutator/resourcemutator:
 * apply_target_mode.go, validate_target_mode.go):
 * <ul>
 *   <li>{@code development}: presets default to {@code name_prefix: "[dev <short_name>] "},
 *       {@code tags: {dev: <short_name>}}, {@code jobs_max_concurrent_runs: 4},
 *       {@code trigger_pause_status: PAUSED}; it is an error to set the pause status to UNPAUSED, a
 *       workspace path that does not contain the user's name, or a name prefix without it;</li>
 *   <li>{@code production}: the target must set {@code workspace.root_path} itself, so that only
 *       one copy is deployed (only a recommendation when every job sets run_as);</li>
 *   <li>anything else: "unsupported value 'x' specified for 'mode': must be either 'development'
 *       or 'production'".</li>
 * </ul>
 */
public final class TargetMode {

    private TargetMode() {
    }

    /** The configuration with the mode's preset defaults; errors for what the mode forbids. */
    public static MapValue apply(MapValue root, CurrentUser user, boolean rootPathSetByTarget, Diagnostics d) {
        Value modeValue = root.find("bundle.mode");
        String mode = root.string("bundle.mode");
        if (mode == null || mode.isEmpty()) {
            return root;
        }
        ConfigPath modePath = ConfigPath.of("bundle.mode");
        if (mode.equals(Targets.DEVELOPMENT)) {
            root = developmentPresets(root, user);
            validateDevelopment(root, user, d);
        } else if (mode.equals(Targets.PRODUCTION)) {
            validateProduction(root, user, rootPathSetByTarget, d);
        } else {
            d.error("unsupported value '" + mode + "' specified for 'mode': must be either 'development' or 'production'",
                    modePath, modeValue.location());
        }
        return root;
    }

    private static MapValue developmentPresets(MapValue root, CurrentUser user) {
        MapValue p = root.find("presets") instanceof MapValue m ? m : MapValue.empty(Location.none());
        if (blank(p.string("name_prefix"))) {
            p = p.with("name_prefix", Location.none(), ScalarValue.of("[dev " + user.shortName() + "] ", Location.none()));
        }
        MapValue tags = p.get("tags") instanceof MapValue t ? t : MapValue.empty(Location.none());
        if (!tags.has("dev")) {
            tags = tags.with("dev", Location.none(), ScalarValue.of(user.shortName(), Location.none()));
        }
        p = p.with("tags", tags);
        if (!(p.get("jobs_max_concurrent_runs") instanceof ScalarValue s && s.value() instanceof Long n && n != 0)) {
            p = p.with("jobs_max_concurrent_runs", Location.none(), ScalarValue.of(4L, Location.none()));
        }
        if (blank(p.string("trigger_pause_status"))) {
            p = p.with("trigger_pause_status", Location.none(), ScalarValue.of("PAUSED", Location.none()));
        }
        return root.with("presets", root.has("presets") ? root.entry("presets").keyLocation() : Location.none(), p);
    }

    private static void validateDevelopment(MapValue root, CurrentUser user, Diagnostics d) {
        if ("UNPAUSED".equals(root.string("presets.trigger_pause_status"))) {
            d.error("target with 'mode: development' cannot set trigger pause status to UNPAUSED by default",
                    ConfigPath.of("presets.trigger_pause_status"), root.find("presets.trigger_pause_status").location());
        }
        for (String field : List.of("root_path", "file_path", "resource_path", "artifact_path", "state_path")) {
            String path = root.string("workspace." + field);
            if (path != null && !path.contains(user.userName()) && !path.contains(user.shortName())) {
                String rule = path.startsWith("/Volumes") && field.equals("artifact_path")
                        ? " should contain the current username or ${workspace.current_user.short_name} to ensure uniqueness when"
                        + " using 'mode: development'"
                        : " must start with '~/' or contain the current username to ensure uniqueness when using 'mode: development'";
                d.error(field + rule, ConfigPath.of("workspace." + field), root.find("workspace." + field).location());
                break;
            }
        }
        String prefix = root.string("presets.name_prefix");
        if (prefix != null && !prefix.contains(user.userName()) && !prefix.contains(user.shortName())
                && !prefix.contains(user.domainFriendlyName())) {
            d.error("prefix should contain the current username or ${workspace.current_user.short_name} to ensure uniqueness"
                    + " when using 'mode: development'", ConfigPath.of("presets.name_prefix"),
                    root.find("presets.name_prefix").location());
        }
    }

    private static void validateProduction(MapValue root, CurrentUser user, boolean rootPathSetByTarget, Diagnostics d) {
        if (rootPathSetByTarget) {
            return;
        }
        String detail = "A common practice is to use a username or principal name in this path, i.e. use\n\n"
                + "  root_path: /Workspace/Users/" + user.userName() + "/.bundle/${bundle.name}/${bundle.target}";
        boolean allJobsRunAs = root.find("resources.jobs") instanceof MapValue jobs
                && jobs.entries().stream().allMatch(e -> e.value() instanceof MapValue j && j.get("run_as") != null);
        Value mode = root.find("bundle.mode");
        if (allJobsRunAs) {
            d.add(new Diagnostic(Severity.RECOMMENDATION, "target with 'mode: production' should set 'workspace.root_path' to"
                    + " make sure only one copy is deployed", detail, ConfigPath.of("bundle.mode"), List.of(mode.location())));
        } else {
            d.add(new Diagnostic(Severity.ERROR, "target with 'mode: production' must set 'workspace.root_path' to make sure"
                    + " only one copy is deployed", detail, ConfigPath.of("bundle.mode"), List.of(mode.location())));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
