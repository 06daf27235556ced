package dev.mlsandbox.bundle.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.resolve.CurrentUser;

/**
 * A bundle for one target, resolved: variables substituted, the target's overrides, mode and
 * presets applied; {@code ${resources...}} references still as written (they resolve at deploy).
 *
 * @param mode      {@code development}, {@code production} or null
 * @param host      {@code workspace.host} as written (the sandbox deploys to its server, see deploy)
 * @param rootPath  {@code workspace.root_path}, {@code ~} expanded
 * @param variables each variable's value
 * @param tree      the whole resolved configuration
 */
public record BundleConfig(String name, String target, String mode, String host, String rootPath, CurrentUser user,
                           Map<String, Object> variables, Map<String, Job> jobs, Map<String, Experiment> experiments,
                           Map<String, RegisteredModel> registeredModels, Map<String, GenericResource> servingEndpoints,
                           Map<String, GenericResource> qualityMonitors, MapValue tree) {

    public BundleConfig {
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        jobs = copy(jobs);
        experiments = copy(experiments);
        registeredModels = copy(registeredModels);
        servingEndpoints = copy(servingEndpoints);
        qualityMonitors = copy(qualityMonitors);
    }

    private static <T> Map<String, T> copy(Map<String, T> m) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
    }

    /** Every resource key of the types the sandbox handles, in the CLI's deploy order of types. */
    public List<ResourceKey> resourceKeys() {
        List<ResourceKey> out = new ArrayList<>();
        experiments.keySet().forEach(k -> out.add(new ResourceKey("experiments", k)));
        registeredModels.keySet().forEach(k -> out.add(new ResourceKey("registered_models", k)));
        servingEndpoints.keySet().forEach(k -> out.add(new ResourceKey("model_serving_endpoints", k)));
        qualityMonitors.keySet().forEach(k -> out.add(new ResourceKey("quality_monitors", k)));
        jobs.keySet().forEach(k -> out.add(new ResourceKey("jobs", k)));
        return out;
    }

    public boolean development() {
        return "development".equals(mode);
    }
}
