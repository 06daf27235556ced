package dev.mlsandbox.bundle;

import java.util.List;

import dev.mlsandbox.bundle.config.Diagnostic;

/**
 * A bundle that cannot be used as written: its message is the first error in one line
 * ({@code databricks.yml:12:7: reference does not exist: ${var.hst} (at resources...)}), and
 * {@link #diagnostics()} has them all for the CLI's full rendering.
 */
public final class BundleException extends IllegalArgumentException {

    private final List<Diagnostic> diagnostics;

    public BundleException(List<Diagnostic> diagnostics) {
        super(firstError(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public BundleException(Diagnostic d) {
        this(List.of(d));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    private static String firstError(List<Diagnostic> ds) {
        List<Diagnostic> errors = ds.stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty()) {
            return "the bundle has no errors";
        }
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "") + ")"
                : "";
        return errors.get(0).oneLine() + more;
    }
}
