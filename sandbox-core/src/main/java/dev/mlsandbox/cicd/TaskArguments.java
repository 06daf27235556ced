package dev.mlsandbox.cicd;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A task's {@code key=value} parameters, read once: each read names the task, the parameter and
 * the rule when the value is missing or malformed, and {@link #done()} refuses a key no read asked
 * for (a typo would otherwise fall back to a default without a word).
 */
final class TaskArguments {

    private final String task;
    private final Map<String, String> values;
    private final Set<String> known;

    TaskArguments(String task, Map<String, String> values, Set<String> known) {
        this.task = task;
        this.values = new LinkedHashMap<>(values);
        this.known = Set.copyOf(known);
    }

    String required(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(task + " needs the parameter " + key + "=..., e.g. " + example(key));
        }
        return v;
    }

    String string(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    int positiveInt(String key, int fallback, int min) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new IllegalArgumentException(task + ": " + key + "=" + v + " must be an integer >= " + min);
    }

    long longValue(String key, long fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(task + ": " + key + "=" + v + " must be an integer");
        }
    }

    double nonNegative(String key, double fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (d >= 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new IllegalArgumentException(task + ": " + key + "=" + v + " must be a number >= 0");
    }

    /** Refuses any key the task does not take. */
    void done() {
        for (String k : values.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(task + " has no parameter '" + k + "'; its parameters are "
                        + known.stream().sorted().toList());
            }
        }
    }

    private static String example(String key) {
        return key.equals("model") ? "model=main.ml.churn (a catalog.schema.model name; in a bundle,"
                + " model=${resources.registered_models.<key>.id})" : key + "=...";
    }
}
