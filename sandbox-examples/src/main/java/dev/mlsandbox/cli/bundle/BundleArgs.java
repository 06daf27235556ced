package dev.mlsandbox.cli.bundle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mlsandbox.bundle.BundleLoader;
import dev.mlsandbox.bundle.BundleOptions;
import dev.mlsandbox.bundle.LoadedBundle;
import picocli.CommandLine.Option;

/** The options every bundle command shares, named as the Databricks CLI names them. */
public final class BundleArgs {

    @Option(names = {"-t", "--target"}, paramLabel = "TARGET",
            description = "Bundle target to use (default: the only target, or the one with 'default: true').")
    String target;

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "Set a variable (repeatable); beats BUNDLE_VAR_NAME, the target's value and the default.")
    List<String> vars = new ArrayList<>();

    @Option(names = "--root", paramLabel = "DIR",
            description = "The bundle root (default: DATABRICKS_BUNDLE_ROOT, else the nearest directory with databricks.yml"
                    + " from the working directory up).")
    Path root;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Deploy as this user, for ${workspace.current_user.*} (default: MLFLOW_TRACKING_USERNAME, then"
                    + " DATABRICKS_USERNAME, then the OS user).")
    String user;

    Map<String, String> env() {
        return System.getenv();
    }

    BundleOptions options() {
        Path dir = root != null ? root : Path.of("").toAbsolutePath();
        return new BundleOptions(dir, target, vars, env(), user);
    }

    /** Loads the bundle and prints its diagnostics; null when it has errors (the command then exits 1). */
    LoadedBundle loadValid(java.io.PrintWriter err) {
        LoadedBundle b = load();
        Output.diagnostics(b, err);
        return b.ok() ? b : null;
    }

    LoadedBundle load() {
        BundleOptions o = options();
        return root != null ? BundleLoader.loadRoot(root, o) : BundleLoader.load(o);
    }
}
