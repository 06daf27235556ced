package dev.mlsandbox.tracking.search;

import java.util.List;

/**
 * One {@code identifier comparator value} term of a filter. {@code value} is a {@link Double} for
 * numbers, a {@link String} for quoted strings, a {@code List<String>} for {@code IN (...)}.
 * {@code position} is the 0-based offset of the term in the filter string, for error messages.
 */
public record Clause(KeyType type, String key, Comparator comparator, Object value, int position) {

    public enum KeyType {
        METRIC, PARAM, TAG, ATTRIBUTE
    }

    /** The comparators the grammar knows; {@link #sql} is the only text that reaches SQL. */
    public enum Comparator {
        EQ("=", "="), NE("!=", "<>"), GT(">", ">"), GE(">=", ">="), LT("<", "<"), LE("<=", "<="),
        LIKE("LIKE", "LIKE"), ILIKE("ILIKE", "LIKE"), IN("IN", "IN"), NOT_IN("NOT IN", "NOT IN");

        private final String text;
        private final String sql;

        Comparator(String text, String sql) {
            this.text = text;
            this.sql = sql;
        }

        public String text() {
            return text;
        }

        public String sql() {
            return sql;
        }

        public boolean numeric() {
            return this == EQ || this == NE || this == GT || this == GE || this == LT || this == LE;
        }

        public boolean string() {
            return this == EQ || this == NE || this == LIKE || this == ILIKE;
        }
    }

    @SuppressWarnings("unchecked")
    public List<String> values() {
        return (List<String>) value;
    }
}
