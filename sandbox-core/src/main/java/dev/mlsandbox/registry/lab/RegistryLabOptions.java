package dev.mlsandbox.registry.lab;

/**
 * Options of the registry lab.
 *
 * @param seed           seed of the data, the split and the models (default 42)
 * @param rows           rows of the churn table (default 2000; 70 % train, 30 % held out)
 * @param model          the registered model's three-level name (default {@code main.ml.churn})
 * @param minImprovement how much AUC a challenger must gain over the champion (default 0.01)
 */
public record RegistryLabOptions(long seed, int rows, String model, double minImprovement) {
    public RegistryLabOptions {
        if (rows < 200) {
            throw new IllegalArgumentException("the registry lab needs at least 200 rows to hold some out, got " + rows);
        }
    }

    public static RegistryLabOptions defaults() {
        return new RegistryLabOptions(42L, 2_000, "main.ml.churn", 0.01);
    }

    public RegistryLabOptions withSeed(long s) {
        return new RegistryLabOptions(s, rows, model, minImprovement);
    }

    public RegistryLabOptions withRows(int n) {
        return new RegistryLabOptions(seed, n, model, minImprovement);
    }
}
