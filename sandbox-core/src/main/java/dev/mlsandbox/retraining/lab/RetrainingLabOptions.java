package dev.mlsandbox.retraining.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.mlsandbox.lab.LabOptions;
import dev.mlsandbox.lab.LabParameters;
import dev.mlsandbox.lab.Parameter;
import dev.mlsandbox.retraining.Quality;
import dev.mlsandbox.retraining.Strategy;

/**
 * Options of the retraining lab. Every parameter has a documented default ({@link #defaults()});
 * change one with its {@code with...} method, by name with {@link #with(String, String)}, or from
 * text with {@link #fromParameters}.
 */
public record RetrainingLabOptions(
        @Parameter("Seed of every window of the stream.") long seed,
        @Parameter("Windows in the stream, at least trainingWindows + 12; the events sit at the same fractions of any length.") int windows,
        @Parameter("Rows per window, at least 200 (an AUC per window needs both classes).") int rowsPerWindow,
        @Parameter("Labelled windows a batch retrain reads, and the first model's history, at least 1.") int trainingWindows,
        @Parameter("Windows until a window's labels land, at least 0.") int labelDelay,
        @Parameter(value = "Strategy families to run, each without and with the gate: none, scheduled, drift, performance, online.",
                label = "A,B,...") List<String> strategies,
        @Parameter("The scheduled strategy's period in windows, at least 1.") int scheduleEvery,
        @Parameter("The drift trigger's PSI threshold on any input column (0.2 is the usual 'significant' band), > 0.") double driftPsi,
        @Parameter("The performance trigger fires below the first model's AUC minus this, in (0, 1).") double performanceDrop,
        @Parameter("What the gate compares on the newest labelled window; log loss sees a label shift, AUC does not.") Quality.Metric gateMetric,
        @Parameter("How much better than the champion a challenger must be, >= 0 (0: at least as good).") double minImprovement,
        @Parameter("How much worse a promoted model may be on its first labelled window before it is rolled back, >= 0.") double rollbackTolerance,
        @Parameter("The online learner's gradient step size, on standardised features, > 0.") double onlineStep,
        @Parameter("The online learner's gradient steps per window, at least 1.") int onlineIterations) implements LabOptions {

    public static final int DEFAULT_WINDOWS = 36;
    public static final int DEFAULT_ROWS = 1000;
    public static final int MIN_ROWS = 200;

    public RetrainingLabOptions {
        require(rowsPerWindow >= MIN_ROWS, "rowsPerWindow", rowsPerWindow, "must be >= " + MIN_ROWS
                + " (an AUC per window needs both classes)");
        require(trainingWindows >= 1, "trainingWindows", trainingWindows, "must be >= 1");
        require(labelDelay >= 0, "labelDelay", labelDelay, "must be >= 0");
        int minimum = trainingWindows + 12;
        require(windows >= minimum, "windows", windows, "must be >= " + minimum + " (" + trainingWindows
                + " training windows and 12 to place the stream's events)");
        strategies = canonical(strategies);
        require(scheduleEvery >= 1, "scheduleEvery", scheduleEvery, "must be >= 1 window");
        require(driftPsi > 0 && Double.isFinite(driftPsi), "driftPsi", driftPsi, "must be a positive number");
        require(performanceDrop > 0 && performanceDrop < 1, "performanceDrop", performanceDrop, "must be in (0, 1)");
        require(gateMetric != null, "gateMetric", gateMetric, "must be one of auc, accuracy, log-loss");
        require(minImprovement >= 0 && Double.isFinite(minImprovement), "minImprovement", minImprovement, "must be >= 0");
        require(rollbackTolerance >= 0 && Double.isFinite(rollbackTolerance), "rollbackTolerance", rollbackTolerance,
                "must be >= 0");
        require(onlineStep > 0 && Double.isFinite(onlineStep), "onlineStep", onlineStep, "must be a positive number");
        require(onlineIterations >= 1, "onlineIterations", onlineIterations, "must be >= 1");
    }

    public static RetrainingLabOptions defaults() {
        return new RetrainingLabOptions(42L, DEFAULT_WINDOWS, DEFAULT_ROWS, 3, 2,
                Arrays.stream(Strategy.Kind.values()).map(Strategy.Kind::id).toList(), 5, 0.2, 0.05, Quality.Metric.LOG_LOSS,
                0.0, 0.02, 1.0, 3);
    }

    /**
     * Options from parameter text ({@link #toParameters()} gives it); parameters the map leaves out
     * keep their defaults.
     *
     * @throws IllegalArgumentException naming the parameter, its value and the rule it broke
     */
    public static RetrainingLabOptions fromParameters(Map<String, String> parameters) {
        return LabParameters.fromMap(RetrainingLab.NAME, defaults(), parameters);
    }

    /** A copy with one parameter changed, given as text ({@code with("scheduleEvery", "3")}). */
    public RetrainingLabOptions with(String parameter, String value) {
        return LabParameters.fromMap(RetrainingLab.NAME, this, Map.of(parameter, value));
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

    /** The strategy families, in the order given. */
    public List<Strategy.Kind> kinds() {
        return strategies.stream().map(Strategy.Kind::byName).toList();
    }

    /** Whether this run includes a family. */
    public boolean runs(Strategy.Kind kind) {
        return strategies.contains(kind.id());
    }

    /** The families' ids, lower case, each once, in the order given; refused when empty or unknown. */
    private static List<String> canonical(List<String> names) {
        List<String> ids = Arrays.stream(Strategy.Kind.values()).map(Strategy.Kind::id).toList();
        require(names != null && !names.isEmpty(), "strategies", names, "must name at least one of "
                + String.join(", ", ids));
        List<String> out = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            try {
                out.add(Strategy.Kind.byName(name).id());
            } catch (IllegalArgumentException e) {
                require(false, "strategies", String.join(",", names), "must name strategies among "
                        + String.join(", ", ids) + "; '" + name + "' is not one");
            }
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    private static void require(boolean ok, String name, Object value, String rule) {
        LabParameters.require(ok, RetrainingLab.NAME, name, value, rule);
    }
}
