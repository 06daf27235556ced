package dev.mlsandbox.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a bundle command starts from, as the CLI's flags and environment give it.
 *
 * @param workingDirectory where to look for {@code databricks.yml} (upwards), unless the environment
 *                         sets DATABRICKS_BUNDLE_ROOT
 * @param target           {@code -t}, or null for the default target
 * @param vars             {@code --var name=value} assignments, in order
 * @param env              the environment (BUNDLE_VAR_x, DATABRICKS_BUNDLE_ROOT, MLFLOW_TRACKING_USERNAME ...)
 * @param user             the current user's name, or null to take it from the environment
 */
public record BundleOptions(Path workingDirectory, String target, List<String> vars, Map<String, String> env, String user) {

    public BundleOptions {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        vars = List.copyOf(vars);
        env = Map.copyOf(env);
    }

    /** The bundle in {@code dir}, default target, no variables, the process environment. */
    public static BundleOptions in(Path dir) {
        return new BundleOptions(dir, null, List.of(), System.getenv(), null);
    }

    public BundleOptions withTarget(String t) {
        return new BundleOptions(workingDirectory, t, vars, env, user);
    }

    public BundleOptions withVars(List<String> v) {
        return new BundleOptions(workingDirectory, target, v, env, user);
    }

    public BundleOptions withEnv(Map<String, String> e) {
        return new BundleOptions(workingDirectory, target, vars, e, user);
    }

    public BundleOptions withUser(String u) {
        return new BundleOptions(workingDirectory, target, vars, env, u);
    }
}
