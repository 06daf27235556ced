package dev.mlsandbox.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog, schema or registered model, by type and full name ({@code main}, {@code main.ml},
 * {@code main.ml.churn}), or the metastore (full name {@code metastore}). Names are stored
 * lower-case, as Unity Catalog stores them.
 */
public record Securable(SecurableType type, String fullName) {

    public Securable {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fullName, "fullName");
        fullName = fullName.toLowerCase(Locale.ROOT);
        if (type == SecurableType.METASTORE && !fullName.equals(METASTORE_NAME)) {
            throw new IllegalArgumentException("the metastore has no name: write ON METASTORE (full name '" + METASTORE_NAME
                    + "'), got '" + fullName + "'");
        }
        int parts = fullName.split("\\.", -1).length;
        if (parts != type.parts()) {
            throw new IllegalArgumentException(type.sql() + " name '" + fullName + "' must have " + type.parts()
                    + (type.parts() == 1 ? " part" : " dot-separated parts") + " ("
                    + switch (type) {
                        case CATALOG -> "catalog";
                        case SCHEMA -> "catalog.schema";
                        case FUNCTION -> "catalog.schema.model";
                        case METASTORE -> METASTORE_NAME;
                    } + ")");
        }
    }

    /** The metastore's full name here (it has none in SQL). */
    public static final String METASTORE_NAME = "metastore";

    /** The metastore: where catalogs are created and CREATE CATALOG is granted. */
    public static Securable metastore() {
        return new Securable(SecurableType.METASTORE, METASTORE_NAME);
    }

    public static Securable catalog(String name) {
        return new Securable(SecurableType.CATALOG, name);
    }

    public static Securable schema(String fullName) {
        return new Securable(SecurableType.SCHEMA, fullName);
    }

    public static Securable model(String fullName) {
        return new Securable(SecurableType.FUNCTION, fullName);
    }

    /**
     * The enclosing securable: a model's schema, a schema's catalog; empty for a catalog and the
     * metastore (privileges granted on the metastore are not inherited by catalogs).
     */
    public Optional<Securable> parent() {
        if (type == SecurableType.METASTORE) {
            return Optional.empty();
        }
        int dot = fullName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String p = fullName.substring(0, dot);
        return Optional.of(type == SecurableType.FUNCTION ? schema(p) : catalog(p));
    }

    /** This securable and its ancestors, innermost first. */
    public List<Securable> selfAndAncestors() {
        List<Securable> out = new ArrayList<>();
        Optional<Securable> s = Optional.of(this);
        while (s.isPresent()) {
            out.add(s.get());
            s = s.get().parent();
        }
        return out;
    }

    /** As SQL names it after ON: {@code SCHEMA main.ml}, {@code METASTORE}. */
    public String sql() {
        return type == SecurableType.METASTORE ? "METASTORE" : type.sql() + " " + fullName;
    }

    /** As Databricks' messages show it: {@code Schema 'main.ml'}, {@code Metastore}. */
    public String describe() {
        if (type == SecurableType.METASTORE) {
            return "Metastore";
        }
        String t = type.sql().charAt(0) + type.sql().substring(1).toLowerCase(Locale.ROOT);
        return t + " '" + fullName + "'";
    }

    @Override
    public String toString() {
        return sql();
    }
}
