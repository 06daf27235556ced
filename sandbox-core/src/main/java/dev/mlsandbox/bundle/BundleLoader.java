package dev.mlsandbox.bundle;

import java.nio.file.Path;
import java.util.List;

import dev.mlsandbox.bundle.config.BundleFiles;
import dev.mlsandbox.bundle.config.BundleSchema;
import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Diagnostic;
import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.config.Normalizer;
import dev.mlsandbox.bundle.config.Severity;
import dev.mlsandbox.bundle.config.Targets;
import dev.mlsandbox.bundle.config.Value;
import dev.mlsandbox.bundle.config.VarRef;
import dev.mlsandbox.bundle.model.BundleConfig;
import dev.mlsandbox.bundle.model.ModelReader;
import dev.mlsandbox.bundle.resolve.Checks;
import dev.mlsandbox.bundle.resolve.CurrentUser;
import dev.mlsandbox.bundle.resolve.Presets;
import dev.mlsandbox.bundle.resolve.References;
import dev.mlsandbox.bundle.resolve.TargetMode;
import dev.mlsandbox.bundle.resolve.Variables;
import dev.mlsandbox.bundle.resolve.Workspace;

/**
 * Loads a bundle for a target the way {@code databricks bundle validate} does, in its order:
 * find the root and read the files (each normalized against the schema: unknown fields, wrong
 * types), merge the includes, select the target and merge its overrides, fill in the workspace
 * paths and the current user, assign variables (--var, BUNDLE_VAR_x, lookups, the overrides file,
 * the target's value, the default), resolve {@code ${...}} references, apply the target mode and
 * the presets, and run the checks. Nothing here starts Spark or talks to a server.
 */
public final class BundleLoader {

    private BundleLoader() {
    }

    public static LoadedBundle load(BundleOptions options) {
        Diagnostics d = new Diagnostics();
        Path root = BundleFiles.findRoot(options.workingDirectory(), options.env(), d);
        if (root == null) {
            return new LoadedBundle(null, List.of(), null, null, null, null, null, null, d.list());
        }
        return load(root, options, d);
    }

    /** Loads the bundle whose root directory is {@code root} (no search upwards). */
    public static LoadedBundle loadRoot(Path root, BundleOptions options) {
        return load(root.toAbsolutePath().normalize(), options, new Diagnostics());
    }

    private static LoadedBundle load(Path root, BundleOptions options, Diagnostics d) {
        BundleFiles.Loaded files = BundleFiles.load(root, d);
        if (files == null) {
            return new LoadedBundle(root, List.of(), null, null, null, null, null, null, d.list());
        }
        MapValue config = files.root();
        String name = config.string("bundle.name");
        if (name != null && VarRef.contains(name)) {
            d.add(new Diagnostic(Severity.WARNING, "Please do not use variable interpolation in the name of your bundle. The"
                    + " name of your bundle is a part of the path at which your bundle state is stored at by default."
                    + " Parameterizing it at runtime can have unexpected consequences like data corruption.", "",
                    ConfigPath.of("bundle.name"), List.of(config.find("bundle.name").location())));
        }
        CurrentUser user;
        try {
            user = options.user() != null ? CurrentUser.of(options.user()) : CurrentUser.fromEnvironment(options.env());
        } catch (IllegalArgumentException e) {
            d.error(e.getMessage(), ConfigPath.root(), null);
            return new LoadedBundle(root, files.files(), name, null, null, null, null, null, d.list());
        }
        String target = Targets.select(config, options.target(), d);
        if (target == null) {
            return new LoadedBundle(root, files.files(), name, null, null, null, null, null, d.list());
        }
        boolean rootPathSetByTarget = config.find(ConfigPath.of("targets").key(target).key("workspace").key("root_path")) != null
                || config.find(ConfigPath.of("environments").key(target).key("workspace").key("root_path")) != null;
        config = Targets.apply(config, target, d);
        config = Workspace.fill(config, user, d);
        config = Variables.assign(config, root, target, options.vars(), options.env(), d);
        if (!d.hasErrors()) {
            config = References.resolve(config, d);
            config = renormalizeResources(config, d);
            config = TargetMode.apply(config, user, rootPathSetByTarget, d);
            config = Presets.apply(config, d);
            Checks.run(config, d);
        }
        BundleConfig model = d.hasErrors() ? null : ModelReader.read(config, user);
        return new LoadedBundle(root, files.files(), config.string("bundle.name"), target, config.string("workspace.host"),
                user.userName(), config.string("workspace.root_path"), model, d.list());
    }

    /** References resolved to values of another type (a string where an int belongs) are checked again. */
    private static MapValue renormalizeResources(MapValue config, Diagnostics d) {
        Value resources = config.get("resources");
        if (resources == null) {
            return config;
        }
        Value normalized = new Normalizer(d).normalize(BundleSchema.ROOT.field("resources"), resources,
                ConfigPath.of("resources"));
        return normalized == null ? config.without("resources") : config.with("resources", normalized);
    }
}
