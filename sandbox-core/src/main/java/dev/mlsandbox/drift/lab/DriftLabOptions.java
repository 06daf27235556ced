package dev.mlsandbox.drift.lab;

import java.util.List;

/**
 * Options of the drift lab, with documented defaults.
 *
 * @param seed            seed of every generated window (default 42)
 * @param rowsPerWindow   rows per window and in the reference (default 2000)
 * @param windows         windows per scenario (default 8; sudden changes start at the middle one)
 * @param powerSizes      sample sizes of the KS power curve (default 500 ... 200,000)
 * @param negligibleShift the location shift of the power curve, in reference standard deviations (default 0.02)
 * @param binChoices      bin counts compared for PSI (default 5, 10, 20, 50, 100)
 */
public record DriftLabOptions(long seed, int rowsPerWindow, int windows, List<Integer> powerSizes,
                              double negligibleShift, List<Integer> binChoices) {
    public DriftLabOptions {
        if (rowsPerWindow < 100) {
            throw new IllegalArgumentException("rows per window must be at least 100, got " + rowsPerWindow);
        }
        if (windows < 2) {
            throw new IllegalArgumentException("windows must be at least 2, got " + windows);
        }
        powerSizes = List.copyOf(powerSizes);
        binChoices = List.copyOf(binChoices);
    }

    public static DriftLabOptions defaults() {
        return new DriftLabOptions(42L, 2000, 8, List.of(500, 2000, 10_000, 50_000, 200_000), 0.02,
                List.of(5, 10, 20, 50, 100));
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
}
