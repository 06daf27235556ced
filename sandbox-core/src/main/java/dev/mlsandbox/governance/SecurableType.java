package dev.mlsandbox.governance;

import java.util.Locale;

/**
 * The kinds of securable the registry uses. A registered model is a {@link #FUNCTION} in SQL
 * ({@code GRANT EXECUTE ON FUNCTION main.ml.churn ...}) and in the permissions API. The
 * {@link #METASTORE} is the top of the hierarchy, where CREATE CATALOG is granted
 * ({@code GRANT CREATE CATALOG ON METASTORE TO ...}); it has no name in SQL.
 */
public enum SecurableType {
    CATALOG(1),
    SCHEMA(2),
    FUNCTION(3),
    METASTORE(1);

    private final int parts;

    SecurableType(int parts) {
        this.parts = parts;
    }

    /** How many dot-separated parts its full name has. */
    public int parts() {
        return parts;
    }

    public String sql() {
        return name();
    }

    /** The word used in the UC permissions API path: {@code catalog}, {@code schema}, {@code function}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the API's securable type; {@code registered_model} and {@code model} are accepted as
     * names for {@code function}, since that is what the object is.
     */
    public static SecurableType fromApiName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "catalog" -> CATALOG;
            case "schema" -> SCHEMA;
            case "function", "registered_model", "model" -> FUNCTION;
            case "metastore" -> METASTORE;
            default -> throw new IllegalArgumentException("unknown securable type '" + name
                    + "': expected metastore, catalog, schema or function (a registered model is a function)");
        };
    }
}
