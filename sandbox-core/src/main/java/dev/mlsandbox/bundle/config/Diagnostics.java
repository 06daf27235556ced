package dev.mlsandbox.bundle.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects the findings of one load, in the order they were found. Not thread-safe; each load has
 * its own.
 */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public Diagnostics add(Diagnostic d) {
        items.add(d);
        return this;
    }

    public Diagnostics addAll(Collection<Diagnostic> ds) {
        items.addAll(ds);
        return this;
    }

    public Diagnostics error(String summary, ConfigPath path, Location location) {
        return add(Diagnostic.error(summary, path, location));
    }

    public Diagnostics warning(String summary, ConfigPath path, Location location) {
        return add(Diagnostic.warning(summary, path, location));
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> list() {
        return List.copyOf(items);
    }

    public int count(Severity s) {
        return (int) items.stream().filter(d -> d.severity() == s).count();
    }

    /**
     * The CLI's closing line: {@code Validation OK!}, {@code Found 1 warning},
     * {@code Found 2 errors and 1 warning}, {@code Found 1 error, 2 warnings, and 1 recommendation}.
     */
    public static String trailer(List<Diagnostic> diagnostics) {
        List<String> parts = new ArrayList<>();
        count(diagnostics, Severity.ERROR, "error", parts);
        count(diagnostics, Severity.WARNING, "warning", parts);
        count(diagnostics, Severity.RECOMMENDATION, "recommendation", parts);
        return switch (parts.size()) {
            case 0 -> "Validation OK!";
            case 1 -> "Found " + parts.get(0);
            case 2 -> "Found " + parts.get(0) + " and " + parts.get(1);
            default -> "Found " + parts.get(0) + ", " + parts.get(1) + ", and " + parts.get(2);
        };
    }

    private static void count(List<Diagnostic> ds, Severity s, String noun, List<String> parts) {
        long n = ds.stream().filter(d -> d.severity() == s).count();
        if (n > 0) {
            parts.add(n + " " + noun + (n == 1 ? "" : "s"));
        }
    }
}
