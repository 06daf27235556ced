package dev.mlsandbox.tracking.search;

import dev.mlsandbox.tracking.search.Clause.Comparator;
import dev.mlsandbox.tracking.search.Clause.KeyType;
import java.util.List;
import java.util.Map;

/**
 * Which comparator and value suit which key: metrics compare numbers, params and tags compare
 * quoted strings with = != LIKE ILIKE, attributes have their own types, and only run_id takes IN.
 * Also maps attribute names to columns: the whitelist that keeps user text out of SQL.
 */
public final class SearchRules {
    private SearchRules() {}

    /** Run attributes: filter name to column, and whether the column is numeric. */
    static final Map<String, String> RUN_STRING_ATTRIBUTES = Map.of(
            "run_id", "run_uuid", "run_name", "name", "status", "status", "user_id", "user_id",
            "artifact_uri", "artifact_uri", "lifecycle_stage", "lifecycle_stage");
    static final Map<String, String> RUN_NUMERIC_ATTRIBUTES = Map.of(
            "start_time", "start_time", "end_time", "end_time", "created", "start_time");
    static final Map<String, String> EXPERIMENT_STRING_ATTRIBUTES = Map.of("name", "name");
    static final Map<String, String> EXPERIMENT_NUMERIC_ATTRIBUTES = Map.of(
            "creation_time", "creation_time", "last_update_time", "last_update_time", "experiment_id", "experiment_id");

    /** Parses and checks a runs filter. */
    public static List<Clause> runs(String filter) {
        List<Clause> clauses = FilterParser.parse(filter);
        for (Clause c : clauses) {
            check(filter, c, RUN_STRING_ATTRIBUTES, RUN_NUMERIC_ATTRIBUTES, true);
        }
        return clauses;
    }

    /** Parses and checks an experiments filter (attributes name/creation_time/last_update_time, tags). */
    public static List<Clause> experiments(String filter) {
        List<Clause> clauses = FilterParser.parse(filter);
        for (Clause c : clauses) {
            if (c.type() == KeyType.METRIC || c.type() == KeyType.PARAM) {
                throw SearchError.at(filter, c.position(), "experiments have no metrics or params; filter on name, "
                        + "creation_time, last_update_time or tags.<key>");
            }
            check(filter, c, EXPERIMENT_STRING_ATTRIBUTES, EXPERIMENT_NUMERIC_ATTRIBUTES, false);
        }
        return clauses;
    }

    private static void check(String filter, Clause c, Map<String, String> strings, Map<String, String> numbers,
            boolean runs) {
        String what = c.type().name().toLowerCase() + " '" + c.key() + "'";
        switch (c.type()) {
            case METRIC -> {
                if (!c.comparator().numeric()) {
                    throw SearchError.at(filter, c.position(), "metric '" + c.key() + "' takes =, !=, >, >=, <, <=; not "
                            + c.comparator().text());
                }
                if (!(c.value() instanceof Double)) {
                    throw SearchError.at(filter, c.position(), "metric '" + c.key()
                            + "' must be compared with a number, not a string; write e.g. metrics.rmse < 0.5");
                }
            }
            case PARAM, TAG -> {
                if (!c.comparator().string()) {
                    throw SearchError.at(filter, c.position(), what + " takes =, !=, LIKE, ILIKE; not " + c.comparator().text()
                            + (c.comparator().numeric() ? " (params and tags are strings; compare metrics numerically)" : ""));
                }
                if (!(c.value() instanceof String)) {
                    throw SearchError.at(filter, c.position(), what + " must be compared with a quoted string: params.x = '"
                            + formatNumber(c.value()) + "'");
                }
            }
            case ATTRIBUTE -> {
                if (strings.containsKey(c.key())) {
                    boolean in = c.comparator() == Comparator.IN || c.comparator() == Comparator.NOT_IN;
                    if (in && !(runs && c.key().equals("run_id"))) {
                        throw SearchError.at(filter, c.position(), "only attributes.run_id takes IN (...); use = or LIKE for '"
                                + c.key() + "'");
                    }
                    if (!in && !c.comparator().string()) {
                        throw SearchError.at(filter, c.position(), "attribute '" + c.key() + "' takes =, !=, LIKE, ILIKE"
                                + (runs && c.key().equals("run_id") ? ", IN, NOT IN" : "") + "; not " + c.comparator().text());
                    }
                    if (!in && !(c.value() instanceof String)) {
                        throw SearchError.at(filter, c.position(), "attribute '" + c.key() + "' must be compared with a quoted string");
                    }
                } else if (numbers.containsKey(c.key())) {
                    if (!c.comparator().numeric()) {
                        throw SearchError.at(filter, c.position(), "attribute '" + c.key() + "' is a number (milliseconds); use "
                                + "=, !=, >, >=, <, <=; not " + c.comparator().text());
                    }
                    if (!(c.value() instanceof Double)) {
                        throw SearchError.at(filter, c.position(), "attribute '" + c.key() + "' must be compared with a number");
                    }
                } else {
                    throw SearchError.at(filter, c.position(), "'" + c.key() + "' is not a searchable attribute; valid: "
                            + new java.util.TreeSet<>(union(strings, numbers)) + ", or prefix metrics., params., tags.");
                }
            }
            default -> throw new IllegalStateException(c.type().toString());
        }
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    private static String formatNumber(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(v);
    }
}
