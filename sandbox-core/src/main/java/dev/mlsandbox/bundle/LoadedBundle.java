package dev.mlsandbox.bundle;

import java.nio.file.Path;
import java.util.List;

import dev.mlsandbox.bundle.config.Diagnostic;
import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.model.BundleConfig;

/**
 * The outcome of loading a bundle for a target: what {@code bundle validate} prints.
 *
 * @param root        the bundle root directory (null when none was found)
 * @param files       the configuration files read, root file first, relative to the root
 * @param name        {@code bundle.name} (for the summary header even when loading failed)
 * @param target      the selected target (null when none could be selected)
 * @param host        {@code workspace.host}, or null
 * @param user        the current user's name
 * @param rootPath    {@code workspace.root_path}, or null
 * @param config      the resolved bundle, or null when there were errors
 * @param diagnostics errors, warnings and recommendations, in the order found
 */
public record LoadedBundle(Path root, List<String> files, String name, String target, String host, String user,
                           String rootPath, BundleConfig config, List<Diagnostic> diagnostics) {

    public LoadedBundle {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    /** The resolved bundle; a {@link BundleException} listing the errors when there were any. */
    public BundleConfig orThrow() {
        if (!ok()) {
            throw new BundleException(diagnostics);
        }
        return config;
    }

    /** {@code Validation OK!} or {@code Found 1 error and 2 warnings}. */
    public String trailer() {
        return Diagnostics.trailer(diagnostics);
    }

    /**
     * The header the CLI prints: {@code Name:}, {@code Target:}, then {@code Workspace:} with
     * {@code Host:}, {@code User:}, {@code Path:} when known.
     */
    public String header() {
        if (name == null || name.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Name: ").append(name).append('\n');
        if (target != null) {
            b.append("Target: ").append(target).append('\n');
        }
        if (host != null || user != null || rootPath != null) {
            b.append("Workspace:\n");
            if (host != null && !host.isEmpty()) {
                b.append("  Host: ").append(host).append('\n');
            }
            if (user != null) {
                b.append("  User: ").append(user).append('\n');
            }
            if (rootPath != null) {
                b.append("  Path: ").append(rootPath).append('\n');
            }
        }
        return b.toString();
    }
}
