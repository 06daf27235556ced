package dev.mlsandbox.bundle.config;

import java.util.Objects;

/**
 * Where a value was written: a file (relative to the bundle root, as the Databricks CLI prints
 * it), a 1-based line and a 1-based column.
 */
public record Location(String file, int line, int column) {

    public Location {
        Objects.requireNonNull(file, "file");
    }

    /** The location of values the sandbox itself adds (defaults, presets): no file. */
    public static Location none() {
        return new Location("", 0, 0);
    }

    public boolean isKnown() {
        return !file.isEmpty();
    }

    /** {@code databricks.yml:12:7}, the CLI's form. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
