package dev.mlsandbox.bundle.config;

import java.util.List;
import java.util.Objects;

/**
 * One finding about a bundle, shaped like the Databricks CLI's: a one-line summary, an optional
 * detail paragraph, the path in the document and where it was written. Rendered the CLI's way:
 * <pre>
 * Warning: unknown field: tasks_key
 *   at resources.jobs.train.tasks[0]
 *   in databricks.yml:14:11
 * </pre>
 *
 * @param path      where in the document (root when the finding is about the whole bundle)
 * @param locations where it was written (empty when nowhere in particular)
 */
public record Diagnostic(Severity severity, String summary, String detail, ConfigPath path, List<Location> locations) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        detail = detail == null ? "" : detail;
        path = path == null ? ConfigPath.root() : path;
        locations = locations == null ? List.of() : locations.stream().filter(Location::isKnown).toList();
    }

    public static Diagnostic error(String summary, ConfigPath path, Location location) {
        return new Diagnostic(Severity.ERROR, summary, "", path, location == null ? List.of() : List.of(location));
    }

    public static Diagnostic warning(String summary, ConfigPath path, Location location) {
        return new Diagnostic(Severity.WARNING, summary, "", path, location == null ? List.of() : List.of(location));
    }

    public Diagnostic withDetail(String newDetail) {
        return new Diagnostic(severity, summary, newDetail, path, locations);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first location, or null. */
    public Location location() {
        return locations.isEmpty() ? null : locations.get(0);
    }

    /** The CLI's rendering (without colours), ending with a blank line. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append(severity.label()).append(": ").append(summary).append('\n');
        if (!path.isRoot()) {
            b.append("  at ").append(path).append('\n');
        }
        for (int i = 0; i < locations.size(); i++) {
            b.append(i == 0 ? "  in " : "     ").append(locations.get(i)).append('\n');
        }
        if (!detail.isEmpty()) {
            b.append('\n').append(detail).append('\n');
        }
        return b.append('\n').toString();
    }

    /** One line: {@code databricks.yml:14:11: unknown field: tasks_key (at resources.jobs.train.tasks[0])}. */
    public String oneLine() {
        String where = locations.isEmpty() ? "" : locations.get(0) + ": ";
        String at = path.isRoot() ? "" : " (at " + path + ")";
        return where + summary + at;
    }
}
