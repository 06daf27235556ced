package dev.mlsandbox.lab;

import java.util.OptionalInt;

/**
 * The options every lab understands, used by the tour and by {@code bin/sandbox lab <name>}.
 *
 * @param seed seed for every source of randomness
 * @param rows size of the main data set, or empty for the lab's default
 */
public record LabSettings(long seed, OptionalInt rows) {

    public static final long DEFAULT_SEED = 42L;

    public LabSettings {
        rows.ifPresent(r -> {
            if (r < 1) {
                throw new IllegalArgumentException("--rows must be >= 1, got " + r);
            }
        });
    }

    public static LabSettings defaults() {
        return new LabSettings(DEFAULT_SEED, OptionalInt.empty());
    }

    public int rowsOr(int labDefault) {
        return rows.orElse(labDefault);
    }
}
