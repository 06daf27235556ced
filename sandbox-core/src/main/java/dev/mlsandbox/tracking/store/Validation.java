package dev.mlsandbox.tracking.store;

import dev.mlsandbox.http.MlflowException;

import dev.mlsandbox.tracking.store.Entities.Metric;
import dev.mlsandbox.tracking.store.Entities.Param;
import dev.mlsandbox.tracking.store.Entities.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** MLflow's input rules (mlflow/utils/validation.py), with messages that say how to fix. */
public final class Validation {
    public static final int MAX_METRICS_PER_BATCH = 1000;
    public static final int MAX_PARAMS_TAGS_PER_BATCH = 100;
    public static final int MAX_ENTITIES_PER_BATCH = 1000;
    public static final int MAX_PARAM_VAL_LENGTH = 6000;
    public static final int MAX_TAG_VAL_LENGTH = 8000;
    public static final int MAX_EXPERIMENT_NAME_LENGTH = 500;
    public static final int MAX_EXPERIMENT_TAG_VAL_LENGTH = 5000;
    public static final int MAX_ENTITY_KEY_LENGTH = 250;
    public static final int MAX_RUN_NAME_LENGTH = 250;
    public static final int SEARCH_MAX_RESULTS_DEFAULT = 1000;
    public static final int SEARCH_MAX_RESULTS_THRESHOLD = 50000;

    private static final Pattern NAME = Pattern.compile("^[/\\w.\\- ]*$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern RUN_ID = Pattern.compile("^[a-zA-Z0-9][\\w\\-]{0,255}$");
    private static final Pattern EXPERIMENT_ID = Pattern.compile("^[a-zA-Z0-9][\\w\\-]{0,63}$");

    private Validation() {}

    /** Metric, param and tag keys: limited characters, and no path tricks ("a/../b", "/x"). */
    public static void key(String what, String key) {
        if (key == null || key.isEmpty()) {
            throw MlflowException.invalid(what + " name is missing. A key name must be provided.");
        }
        if (!NAME.matcher(key).matches()) {
            throw MlflowException.invalid("Invalid " + what.toLowerCase() + " name: '" + key
                    + "'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).");
        }
        if (!normalizedPath(key).equals(key) || key.startsWith("/") || key.equals(".") || key.startsWith("..")) {
            throw MlflowException.invalid("Invalid " + what.toLowerCase() + " name: '" + key
                    + "'. Names may be treated as files in certain cases, and must not resolve to other names when treated as such."
                    + " This name would resolve to '" + normalizedPath(key) + "'");
        }
        length(what + " key", MAX_ENTITY_KEY_LENGTH, key);
    }

    /** posixpath.normpath for relative names: collapses "//", "./" and "x/..". */
    static String normalizedPath(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean abs = p.startsWith("/");
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else if (!(s.equals("..") && abs)) {
                parts.addLast(s);
            }
        }
        String joined = String.join("/", parts);
        return abs ? "/" + joined : (joined.isEmpty() ? "." : joined);
    }

    public static void length(String what, int limit, String value) {
        if (value != null && value.length() > limit) {
            String shown = value.length() > 250 ? value.substring(0, 250) + "..." : value;
            throw MlflowException.invalid(what + " '" + shown + "' had length " + value.length()
                    + ", which exceeded length limit of " + limit);
        }
    }

    public static void metric(Metric m) {
        key("Metric", m.key());
        if (m.timestamp() < 0) {
            throw MlflowException.invalid("Got invalid timestamp " + m.timestamp() + " for metric '" + m.key()
                    + "' (value=" + m.value() + "). Timestamp must be a nonnegative long (64-bit integer)");
        }
    }

    public static void param(Param p) {
        key("Param", p.key());
        if (p.value() == null) {
            throw MlflowException.invalid("Param '" + p.key() + "' has no value; send a string value");
        }
        length("Param value", MAX_PARAM_VAL_LENGTH, p.value());
    }

    public static void tag(Tag t) {
        key("Tag", t.key());
        length("Tag value", MAX_TAG_VAL_LENGTH, t.value());
    }

    public static void experimentTag(Tag t) {
        key("Tag", t.key());
        length("Tag value", MAX_EXPERIMENT_TAG_VAL_LENGTH, t.value());
    }

    public static void experimentName(String name) {
        if (name == null || name.isEmpty()) {
            throw MlflowException.invalid("Invalid experiment name: '" + (name == null ? "" : name)
                    + "'. Give the experiment a non-empty name.");
        }
        if (name.length() > MAX_EXPERIMENT_NAME_LENGTH) {
            throw MlflowException.invalid("Experiment name exceeds the maximum length of " + MAX_EXPERIMENT_NAME_LENGTH + " characters");
        }
    }

    public static void runId(String runId) {
        if (runId == null || runId.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter 'run_id'. Pass the run's id.");
        }
        if (!RUN_ID.matcher(runId).matches()) {
            throw MlflowException.invalid("Invalid run ID: '" + runId + "'");
        }
    }

    public static void experimentId(String id) {
        if (id == null || id.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter 'experiment_id'. Pass the experiment's id.");
        }
        if (!EXPERIMENT_ID.matcher(id).matches()) {
            throw MlflowException.invalid("Invalid experiment ID: '" + id + "'");
        }
    }

    public static void batch(List<Metric> metrics, List<Param> params, List<Tag> tags) {
        batchLimit("metrics", MAX_METRICS_PER_BATCH, metrics.size());
        batchLimit("params", MAX_PARAMS_TAGS_PER_BATCH, params.size());
        batchLimit("tags", MAX_PARAMS_TAGS_PER_BATCH, tags.size());
        batchLimit("metrics, params, and tags", MAX_ENTITIES_PER_BATCH, metrics.size() + params.size() + tags.size());
        // keys repeat across a batch (1000 points of a few metrics): check each distinct key once
        Set<String> checkedKeys = new HashSet<>();
        for (Metric m : metrics) {
            if (checkedKeys.add(m.key())) {
                key("Metric", m.key());
            }
            if (m.timestamp() < 0) {
                metric(m);
            }
        }
        params.forEach(Validation::param);
        tags.forEach(Validation::tag);
        Set<String> seen = new HashSet<>();
        List<String> dupes = params.stream().map(Param::key).filter(k -> !seen.add(k)).toList();
        if (!dupes.isEmpty()) {
            throw MlflowException.invalid("Duplicate parameter keys have been submitted: " + dupes
                    + ". Please ensure the request contains only one param value per param key.");
        }
    }

    private static void batchLimit(String what, int limit, int n) {
        if (n > limit) {
            throw MlflowException.invalid("A batch logging request can contain at most " + limit + " " + what + ". Got " + n
                    + " " + what + ". Please split up " + what + " across multiple requests and try again.");
        }
    }

    public static int maxResults(Long requested, int def) {
        if (requested == null) {
            return def;
        }
        if (requested < 1 || requested > SEARCH_MAX_RESULTS_THRESHOLD) {
            throw MlflowException.invalid("Invalid value " + requested + " for parameter 'max_results' supplied. It must be "
                    + "a positive integer at most " + SEARCH_MAX_RESULTS_THRESHOLD + ".");
        }
        return requested.intValue();
    }
}
