package dev.mlsandbox.governance;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Unity Catalog privileges that matter for models, with the securables each can be granted
 * on. A privilege granted on a catalog or schema is inherited by everything inside it. CREATE
 * CATALOG is granted on the metastore (metastore admins hold it by default); CREATE SCHEMA on a
 * catalog, where creating a schema also needs USE CATALOG (docs.databricks.com: "Create schemas",
 * "Admin privileges in Unity Catalog").
 */
public enum Privilege {
    USE_CATALOG("USE CATALOG", EnumSet.of(SecurableType.CATALOG)),
    USE_SCHEMA("USE SCHEMA", EnumSet.of(SecurableType.CATALOG, SecurableType.SCHEMA)),
    CREATE_MODEL("CREATE MODEL", EnumSet.of(SecurableType.CATALOG, SecurableType.SCHEMA)),
    CREATE_CATALOG("CREATE CATALOG", EnumSet.of(SecurableType.METASTORE)),
    CREATE_SCHEMA("CREATE SCHEMA", EnumSet.of(SecurableType.CATALOG)),
    EXECUTE("EXECUTE", EnumSet.of(SecurableType.CATALOG, SecurableType.SCHEMA, SecurableType.FUNCTION)),
    APPLY_TAG("APPLY TAG", EnumSet.of(SecurableType.CATALOG, SecurableType.SCHEMA, SecurableType.FUNCTION)),
    MANAGE("MANAGE", EnumSet.of(SecurableType.CATALOG, SecurableType.SCHEMA, SecurableType.FUNCTION)),
    /**
     * Every privilege that applies, at check time (so it also covers privileges added later),
     * except MANAGE, which Databricks keeps separate: managing grants is granted on purpose.
     */
    ALL_PRIVILEGES("ALL PRIVILEGES", EnumSet.of(SecurableType.CATALOG, SecurableType.SCHEMA, SecurableType.FUNCTION));

    private final String sql;
    private final Set<SecurableType> grantableOn;

    Privilege(String sql, Set<SecurableType> grantableOn) {
        this.sql = sql;
        this.grantableOn = grantableOn;
    }

    /** As SQL spells it: {@code USE SCHEMA}. */
    public String sql() {
        return sql;
    }

    /** As the REST API spells it: {@code USE_SCHEMA}. */
    public String apiName() {
        return name();
    }

    public boolean grantableOn(SecurableType type) {
        return grantableOn.contains(type);
    }

    public Set<SecurableType> grantableOn() {
        return grantableOn;
    }

    /** Whether holding this privilege satisfies a need for {@code needed}. */
    public boolean covers(Privilege needed) {
        return this == needed || (this == ALL_PRIVILEGES && needed != MANAGE);
    }

    /** Parses {@code USE SCHEMA}, {@code use_schema} or {@code USE_SCHEMA}. */
    public static Optional<Privilege> parse(String text) {
        String norm = text.trim().replaceAll("[\\s_]+", " ").toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.sql.equals(norm)).findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(Privilege::sql).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return sql;
    }
}
