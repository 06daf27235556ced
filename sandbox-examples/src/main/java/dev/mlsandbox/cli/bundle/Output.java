package dev.mlsandbox.cli.bundle;

import java.io.PrintWriter;

import dev.mlsandbox.bundle.LoadedBundle;
import dev.mlsandbox.bundle.config.Diagnostic;

/** How the bundle commands print, as the Databricks CLI does: diagnostics on stderr, the summary on stdout. */
final class Output {

    private Output() {
    }

    static void diagnostics(LoadedBundle b, PrintWriter err) {
        for (Diagnostic d : b.diagnostics()) {
            err.print(d.render());
        }
        err.flush();
    }

    /** The header, a blank line, then "Validation OK!" or "Found ..." (render.RenderDiagnosticsSummary). */
    static void summary(LoadedBundle b, PrintWriter out) {
        out.print(b.header());
        out.println();
        out.println(b.trailer());
        out.flush();
    }
}
