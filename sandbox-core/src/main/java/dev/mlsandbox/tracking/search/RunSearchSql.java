package dev.mlsandbox.tracking.search;

import dev.mlsandbox.store.Sql;

import dev.mlsandbox.tracking.search.Clause.Comparator;
import dev.mlsandbox.tracking.search.Clause.KeyType;
import java.util.List;

/**
 * Translates a runs search into one SELECT over {@code runs r}: each clause becomes an EXISTS on
 * its table (so a run missing the key never matches), each order key a LEFT JOIN sorted with
 * missing values last, and MLflow's default order (start_time DESC, then run id) breaks ties so
 * pages are stable. Column names come from whitelists; values are bound parameters.
 */
public final class RunSearchSql {
    private RunSearchSql() {}

    /** The run columns a search selects, in {@code RunLoader}'s order: the page needs no second query for them. */
    public static final String INFO_COLUMNS = "r.run_uuid, r.name, r.experiment_id, r.user_id, r.status, r.start_time, "
            + "r.end_time, r.artifact_uri, r.lifecycle_stage";

    /** {@code SELECT <INFO_COLUMNS> FROM ...} for the page. */
    public static Sql select(List<Long> experimentIds, List<String> lifecycleStages, List<Clause> clauses,
            List<OrderBy> orderBy, int limit, long offset) {
        Sql joins = new Sql();
        Sql order = new Sql();
        boolean startTimeOrdered = false;
        int n = 0;
        for (OrderBy o : orderBy) {
            String dir = o.ascending() ? " ASC" : " DESC";
            String alias = "o" + n++;
            switch (o.type()) {
                case METRIC -> {
                    joins.append(" LEFT JOIN latest_metrics " + alias + " ON " + alias + ".run_uuid = r.run_uuid AND " + alias
                            + ".key = ?", o.key());
                    order.append("CASE WHEN " + alias + ".run_uuid IS NULL THEN 2 WHEN " + alias + ".is_nan = 1 THEN 1 ELSE 0 END, "
                            + alias + ".value" + dir + ", ");
                }
                case PARAM, TAG -> {
                    String table = o.type() == KeyType.PARAM ? "params" : "tags";
                    joins.append(" LEFT JOIN " + table + " " + alias + " ON " + alias + ".run_uuid = r.run_uuid AND " + alias
                            + ".key = ?", o.key());
                    order.append("CASE WHEN " + alias + ".value IS NULL THEN 1 ELSE 0 END, " + alias + ".value" + dir + ", ");
                }
                case ATTRIBUTE -> {
                    String col = column(o.key());
                    startTimeOrdered |= col.equals("start_time");
                    order.append("CASE WHEN r." + col + " IS NULL THEN 1 ELSE 0 END, r." + col + dir + ", ");
                }
                default -> throw new IllegalStateException(o.type().toString());
            }
        }
        if (!startTimeOrdered) {
            order.append("r.start_time DESC, ");
        }
        order.append("r.run_uuid ASC");

        Sql sql = new Sql().append("SELECT " + INFO_COLUMNS + " FROM runs r").append(joins).append(" WHERE ");
        sql.append(where(experimentIds, lifecycleStages, clauses));
        sql.append(" ORDER BY ").append(order).append(" LIMIT ? OFFSET ?", (long) limit, offset);
        return sql;
    }

    static Sql where(List<Long> experimentIds, List<String> lifecycleStages, List<Clause> clauses) {
        Sql w = new Sql();
        w.append("r.experiment_id IN (" + placeholders(experimentIds.size()) + ")", experimentIds.toArray());
        w.append(" AND r.lifecycle_stage IN (" + placeholders(lifecycleStages.size()) + ")", lifecycleStages.toArray());
        // Equality on a param first, as a set from the (key, value) index: SQLite builds it once and
        // checks each run against it, instead of one correlated lookup per run per clause; the
        // correlated EXISTS of the other clauses then run only for the runs left (2,000 runs, a
        // metric and a param filter: 3.3 ms instead of 5.7-6.6 ms of SQLite CPU).
        List<Clause> ordered = new java.util.ArrayList<>(clauses);
        ordered.sort(java.util.Comparator.comparingInt(c -> paramEquality(c) ? 0 : 1));
        for (Clause c : ordered) {
            w.append(" AND ");
            if (paramEquality(c)) {
                w.append("r.run_uuid IN (SELECT kv.run_uuid FROM params kv WHERE kv.key = ? AND kv.value = ?)", c.key(),
                        c.value());
                continue;
            }
            switch (c.type()) {
                case METRIC -> w.append("EXISTS (SELECT 1 FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.key = ? "
                        + "AND m.is_nan = 0 AND m.value " + c.comparator().sql() + " ?)", c.key(), c.value());
                case PARAM -> w.append(keyValue("params", c));
                case TAG -> w.append(keyValue("tags", c));
                case ATTRIBUTE -> w.append(attribute(c));
                default -> throw new IllegalStateException(c.type().toString());
            }
        }
        return w;
    }

    private static boolean paramEquality(Clause c) {
        return c.type() == KeyType.PARAM && c.comparator() == Comparator.EQ;
    }

    private static Sql keyValue(String table, Clause c) {
        Sql s = new Sql().append("EXISTS (SELECT 1 FROM " + table + " kv WHERE kv.run_uuid = r.run_uuid AND kv.key = ? AND ",
                c.key());
        s.append(stringComparison("kv.value", c.comparator()), c.value());
        return s.append(")");
    }

    private static Sql attribute(Clause c) {
        String col = "r." + column(c.key());
        if (c.comparator() == Comparator.IN || c.comparator() == Comparator.NOT_IN) {
            List<String> vs = c.values();
            if (vs.isEmpty()) {
                return new Sql().append(c.comparator() == Comparator.IN ? "1 = 0" : "1 = 1");
            }
            return new Sql().append(col + " " + c.comparator().sql() + " (" + placeholders(vs.size()) + ")", vs.toArray());
        }
        if (c.value() instanceof Double d) {
            // times are integers; compare as numbers and never match a missing end_time
            return new Sql().append(col + " IS NOT NULL AND " + col + " " + c.comparator().sql() + " ?", d);
        }
        return new Sql().append(col + " IS NOT NULL AND ").append(stringComparison(col, c.comparator()), c.value());
    }

    static String stringComparison(String col, Comparator cmp) {
        return switch (cmp) {
            case EQ -> col + " = ?";
            case NE -> col + " <> ?";
            case LIKE -> col + " LIKE ?";
            case ILIKE -> "LOWER(" + col + ") LIKE LOWER(?)";
            default -> throw new IllegalStateException("not a string comparator: " + cmp);
        };
    }

    static String column(String attribute) {
        String col = SearchRules.RUN_STRING_ATTRIBUTES.get(attribute);
        if (col == null) {
            col = SearchRules.RUN_NUMERIC_ATTRIBUTES.get(attribute);
        }
        if (col == null) {
            throw new IllegalStateException("unchecked attribute " + attribute);
        }
        return col;
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
