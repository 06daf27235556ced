package dev.mlsandbox.drift.lab;

import java.util.List;
import java.util.Map;

import dev.mlsandbox.lab.LabOptions;
import dev.mlsandbox.lab.LabParameters;
import dev.mlsandbox.lab.Parameter;

/**
 * Options of the drift lab. Every parameter has a documented default ({@link #defaults()}); change
 * one with its {@code with...} method, or from text with {@link #fromParameters}.
 */
public record DriftLabOptions(
        @Parameter("Seed of every generated window.") long seed,
        @Parameter("Rows per window and in the reference window, at least 100.") int rowsPerWindow,
        @Parameter("Windows per scenario, at least 2; sudden changes start at the middle one.") int windows,
        @Parameter("Sample sizes of the KS power curve, each in [2, " + DriftLabOptions.MAX_POWER_SIZE + "].") List<Integer> powerSizes,
        @Parameter("The power curve's location shift, in reference standard deviations.") double negligibleShift,
        @Parameter("Bin counts compared for PSI, each at least 2.") List<Integer> binChoices) implements LabOptions {

    public static final int DEFAULT_ROWS_PER_WINDOW = 2_000;
    public static final int MIN_ROWS_PER_WINDOW = 100;
    /** Each power point draws two samples of this size three times: kept well inside a 2 GiB heap. */
    public static final int MAX_POWER_SIZE = 2_000_000;

    public DriftLabOptions {
        require(rowsPerWindow >= MIN_ROWS_PER_WINDOW, "rowsPerWindow", rowsPerWindow, "must be >= " + MIN_ROWS_PER_WINDOW);
        require(windows >= 2, "windows", windows, "must be >= 2: a scenario changes between windows");
        powerSizes = List.copyOf(powerSizes);
        binChoices = List.copyOf(binChoices);
        require(!powerSizes.isEmpty() && powerSizes.stream().allMatch(n -> n >= 2 && n <= MAX_POWER_SIZE), "powerSizes",
                powerSizes, "must list sample sizes in [2, " + MAX_POWER_SIZE + "], e.g. 500,2000,10000");
        require(Double.isFinite(negligibleShift), "negligibleShift", negligibleShift, "must be a finite number");
        require(!binChoices.isEmpty() && binChoices.stream().allMatch(b -> b >= 2), "binChoices", binChoices,
                "must list bin counts >= 2, e.g. 5,10,20");
    }

    public static DriftLabOptions defaults() {
        return new DriftLabOptions(42L, DEFAULT_ROWS_PER_WINDOW, 8, List.of(500, 2000, 10_000, 50_000, 200_000), 0.02,
                List.of(5, 10, 20, 50, 100));
    }

    /**
     * Options from parameter text ({@link #toParameters()} gives it); parameters the map leaves out
     * keep their defaults.
     *
     * @throws IllegalArgumentException naming the parameter, its value and the rule it broke
     */
    public static DriftLabOptions fromParameters(Map<String, String> parameters) {
        return LabParameters.fromMap(DriftLab.NAME, defaults(), parameters);
    }

    public DriftLabOptions withSeed(long value) {
        return new DriftLabOptions(value, rowsPerWindow, windows, powerSizes, negligibleShift, binChoices);
    }

    public DriftLabOptions withRowsPerWindow(int value) {
        return new DriftLabOptions(seed, value, windows, powerSizes, negligibleShift, binChoices);
    }

    public DriftLabOptions withWindows(int value) {
        return new DriftLabOptions(seed, rowsPerWindow, value, powerSizes, negligibleShift, binChoices);
    }

    public DriftLabOptions withPowerSizes(List<Integer> value) {
        return new DriftLabOptions(seed, rowsPerWindow, windows, value, negligibleShift, binChoices);
    }

    public DriftLabOptions withNegligibleShift(double value) {
        return new DriftLabOptions(seed, rowsPerWindow, windows, powerSizes, value, binChoices);
    }

    public DriftLabOptions withBinChoices(List<Integer> value) {
        return new DriftLabOptions(seed, rowsPerWindow, windows, powerSizes, negligibleShift, value);
    }

    private static void require(boolean ok, String name, Object value, String rule) {
        LabParameters.require(ok, DriftLab.NAME, name, value, rule);
    }
}
