package dev.mlsandbox.bundle.config;

import java.util.Locale;

/** The kinds of configuration values, named as the Databricks CLI names them in its messages. */
public enum Kind {
    MAP, SEQUENCE, STRING, BOOL, INT, FLOAT, NIL;

    /** {@code map}, {@code sequence}, {@code string}, ... as in "expected map, found string". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
