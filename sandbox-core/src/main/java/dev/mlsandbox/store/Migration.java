package dev.mlsandbox.store;

import java.util.List;
import java.util.Objects;

/**
 * One numbered schema change of one component ("tracking", "registry", ...). Statements are
 * generated per dialect so a migration can ask for the dialect's column types. Versions of a
 * component are applied in order, each in its own transaction, and recorded in {@code
 * schema_version}; a store opened by newer code catches up, one opened by older code refuses to
 * run against a schema it does not know.
 */
public record Migration(String component, int version, String description, Statements statements) {

    /** Produces the DDL/DML of a migration for a dialect. */
    @FunctionalInterface
    public interface Statements {
        List<String> sql(Dialect dialect);
    }

    public Migration {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(statements, "statements");
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, got " + version);
        }
    }
}
