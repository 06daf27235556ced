package dev.mlsandbox.retraining.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.mlsandbox.retraining.Quality;
import dev.mlsandbox.retraining.Strategy;

/**
 * Options of the retraining lab, with documented defaults. Every option round-trips through a
 * parameter map ({@link #toParameters()}, {@link #fromParameters(Map)}) whose keys are the
 * component names.
 *
 * @param seed              seed of every window (default 42)
 * @param windows           windows in the stream (default 36; the events sit at the same fractions of any length)
 * @param rowsPerWindow     rows per window (default 1000)
 * @param trainingWindows   labelled windows a batch retrain reads, and the first model's history (default 3)
 * @param labelDelay        windows until a window's labels land (default 2)
 * @param strategies        the strategy families to run, each with and without the gate (default all five)
 * @param scheduleEvery     the scheduled strategy's period in windows (default 5)
 * @param driftPsi          the drift trigger's PSI threshold on any input column (default 0.2, the "significant" band)
 * @param performanceDrop   the performance trigger fires below the first model's AUC minus this (default 0.05)
 * @param gateMetric        what the gate compares (default logLoss; areaUnderROC and accuracy also work)
 * @param minImprovement    how much better the challenger must be (default 0: at least as good)
 * @param rollbackTolerance how much worse a promoted model may be on its first labelled window before rollback (default 0.02)
 * @param onlineStep        the online learner's step size (default 1.0, on standardised features)
 * @param onlineIterations  the online learner's gradient steps per window (default 3)
 */
public record RetrainingLabOptions(long seed, int windows, int rowsPerWindow, int trainingWindows, int labelDelay,
                                   List<Strategy.Kind> strategies, int scheduleEvery, double driftPsi,
                                   double performanceDrop, Quality.Metric gateMetric, double minImprovement,
                                   double rollbackTolerance, double onlineStep, int onlineIterations) {

    public static final int DEFAULT_WINDOWS = 36;
    public static final int DEFAULT_ROWS = 1000;

    public RetrainingLabOptions {
        require(rowsPerWindow >= 200, "rowsPerWindow", rowsPerWindow, "must be at least 200 (an AUC per window needs both classes)");
        require(trainingWindows >= 1, "trainingWindows", trainingWindows, "must be at least 1");
        require(labelDelay >= 0, "labelDelay", labelDelay, "must be at least 0");
        int minimum = trainingWindows + 12;
        require(windows >= minimum, "windows", windows, "must be at least " + minimum + " (" + trainingWindows
                + " training windows and 12 to place the stream's events)");
        require(strategies != null && !strategies.isEmpty(), "strategies", strategies, "must name at least one of "
                + Arrays.stream(Strategy.Kind.values()).map(Strategy.Kind::id).toList());
        strategies = List.copyOf(new LinkedHashSet<>(strategies));
        require(scheduleEvery >= 1, "scheduleEvery", scheduleEvery, "must be at least 1 window");
        require(driftPsi > 0 && Double.isFinite(driftPsi), "driftPsi", driftPsi, "must be a positive number");
        require(performanceDrop > 0 && performanceDrop < 1, "performanceDrop", performanceDrop, "must be between 0 and 1");
        require(gateMetric != null, "gateMetric", gateMetric, "must be areaUnderROC, accuracy or logLoss");
        require(minImprovement >= 0 && Double.isFinite(minImprovement), "minImprovement", minImprovement, "must be >= 0");
        require(rollbackTolerance >= 0 && Double.isFinite(rollbackTolerance), "rollbackTolerance", rollbackTolerance,
                "must be >= 0");
        require(onlineStep > 0 && Double.isFinite(onlineStep), "onlineStep", onlineStep, "must be a positive number");
        require(onlineIterations >= 1, "onlineIterations", onlineIterations, "must be at least 1");
    }

    public static RetrainingLabOptions defaults() {
        return new RetrainingLabOptions(42L, DEFAULT_WINDOWS, DEFAULT_ROWS, 3, 2, List.of(Strategy.Kind.values()), 5, 0.2,
                0.05, Quality.Metric.LOG_LOSS, 0.0, 0.02, 1.0, 3);
    }

    public RetrainingLabOptions withSeed(long value) {
        return with("seed", Long.toString(value));
    }

    public RetrainingLabOptions withWindows(int value) {
        return with("windows", Integer.toString(value));
    }

    public RetrainingLabOptions withRowsPerWindow(int value) {
        return with("rowsPerWindow", Integer.toString(value));
    }

    public RetrainingLabOptions withStrategies(List<Strategy.Kind> value) {
        return with("strategies", String.join(",", value.stream().map(Strategy.Kind::id).toList()));
    }

    /** A copy with one option changed, by its parameter name (the value parsed as {@link #fromParameters} does). */
    public RetrainingLabOptions with(String name, String value) {
        Map<String, String> p = toParameters();
        if (!p.containsKey(name)) {
            throw unknown(name);
        }
        p.put(name, value);
        return fromParameters(p);
    }

    /** Every option by name, as strings: {@code fromParameters(toParameters())} is these options again. */
    public Map<String, String> toParameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seed", Long.toString(seed));
        m.put("windows", Integer.toString(windows));
        m.put("rowsPerWindow", Integer.toString(rowsPerWindow));
        m.put("trainingWindows", Integer.toString(trainingWindows));
        m.put("labelDelay", Integer.toString(labelDelay));
        m.put("strategies", String.join(",", strategies.stream().map(Strategy.Kind::id).toList()));
        m.put("scheduleEvery", Integer.toString(scheduleEvery));
        m.put("driftPsi", Double.toString(driftPsi));
        m.put("performanceDrop", Double.toString(performanceDrop));
        m.put("gateMetric", gateMetric.id());
        m.put("minImprovement", Double.toString(minImprovement));
        m.put("rollbackTolerance", Double.toString(rollbackTolerance));
        m.put("onlineStep", Double.toString(onlineStep));
        m.put("onlineIterations", Integer.toString(onlineIterations));
        return m;
    }

    /**
     * Options from a parameter map: missing keys take their defaults; an unknown key or a value
     * that does not parse or breaks its rule is an {@link IllegalArgumentException} naming it.
     */
    public static RetrainingLabOptions fromParameters(Map<String, String> parameters) {
        Map<String, String> d = defaults().toParameters();
        for (String key : parameters.keySet()) {
            if (!d.containsKey(key)) {
                throw unknown(key);
            }
        }
        Map<String, String> p = new LinkedHashMap<>(d);
        p.putAll(parameters);
        return new RetrainingLabOptions(parse(p, "seed", Long::parseLong), parse(p, "windows", Integer::parseInt),
                parse(p, "rowsPerWindow", Integer::parseInt), parse(p, "trainingWindows", Integer::parseInt),
                parse(p, "labelDelay", Integer::parseInt), parse(p, "strategies", RetrainingLabOptions::kinds),
                parse(p, "scheduleEvery", Integer::parseInt), parse(p, "driftPsi", Double::parseDouble),
                parse(p, "performanceDrop", Double::parseDouble), parse(p, "gateMetric", Quality.Metric::byName),
                parse(p, "minImprovement", Double::parseDouble), parse(p, "rollbackTolerance", Double::parseDouble),
                parse(p, "onlineStep", Double::parseDouble), parse(p, "onlineIterations", Integer::parseInt));
    }

    private static List<Strategy.Kind> kinds(String list) {
        List<Strategy.Kind> out = new ArrayList<>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                out.add(Strategy.Kind.byName(s));
            }
        }
        return out;
    }

    private static <T> T parse(Map<String, String> p, String key, Function<String, T> parser) {
        String value = p.get(key);
        try {
            return parser.apply(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            String why = e instanceof NumberFormatException ? "is not a number" : e.getMessage();
            throw new IllegalArgumentException("retraining lab option " + key + " = '" + value + "' " + why, e);
        }
    }

    private static IllegalArgumentException unknown(String key) {
        return new IllegalArgumentException("retraining lab has no option '" + key + "'; the options are "
                + defaults().toParameters().keySet());
    }

    private static void require(boolean ok, String name, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("retraining lab option " + name + " = " + value + " " + rule);
        }
    }

    /** Whether this run includes a family. */
    public boolean runs(Strategy.Kind kind) {
        return strategies.contains(kind);
    }
}
