package dev.mlsandbox.registry.lab;

import java.util.Map;

import dev.mlsandbox.lab.LabOptions;
import dev.mlsandbox.lab.LabParameters;
import dev.mlsandbox.lab.Parameter;
import dev.mlsandbox.registry.RegistryMode;
import dev.mlsandbox.registry.RegistryRuleException;
import dev.mlsandbox.registry.RegistryRules;

/**
 * Options of the registry lab. Every parameter has a documented default ({@link #defaults()});
 * change one with its {@code with...} method, or from text with {@link #fromParameters}.
 */
public record RegistryLabOptions(
        @Parameter("Seed of the data, the split and the models.") long seed,
        @Parameter("Rows of the churn table, at least 200: 70 % train, 30 % held out for the promotion gate.") int rows,
        @Parameter(value = "The registered model's three-level Unity Catalog name.", label = "CATALOG.SCHEMA.MODEL")
        String model,
        @Parameter(value = "AUC a challenger must gain over the champion on the held-out rows to be promoted.",
                label = "AUC") double minImprovement) implements LabOptions {

    public static final int MIN_ROWS = 200;

    public RegistryLabOptions {
        require(rows >= MIN_ROWS, "rows", rows, "must be >= " + MIN_ROWS + " to hold some rows out for the gate");
        try {
            RegistryRules.modelName(RegistryMode.UNITY_CATALOG, model);
        } catch (RegistryRuleException e) {
            throw new IllegalArgumentException(RegistryLab.NAME + " lab parameter model = " + model + ": " + e.getMessage(), e);
        }
        require(Double.isFinite(minImprovement), "minImprovement", minImprovement, "must be a finite number");
    }

    public static RegistryLabOptions defaults() {
        return new RegistryLabOptions(42L, 2_000, "main.ml.churn", 0.01);
    }

    /**
     * Options from parameter text ({@link #toParameters()} gives it); parameters the map leaves out
     * keep their defaults.
     *
     * @throws IllegalArgumentException naming the parameter, its value and the rule it broke
     */
    public static RegistryLabOptions fromParameters(Map<String, String> parameters) {
        return LabParameters.fromMap(RegistryLab.NAME, defaults(), parameters);
    }

    public RegistryLabOptions withSeed(long s) {
        return new RegistryLabOptions(s, rows, model, minImprovement);
    }

    public RegistryLabOptions withRows(int n) {
        return new RegistryLabOptions(seed, n, model, minImprovement);
    }

    public RegistryLabOptions withModel(String name) {
        return new RegistryLabOptions(seed, rows, name, minImprovement);
    }

    public RegistryLabOptions withMinImprovement(double auc) {
        return new RegistryLabOptions(seed, rows, model, auc);
    }

    private static void require(boolean ok, String name, Object value, String rule) {
        LabParameters.require(ok, RegistryLab.NAME, name, value, rule);
    }
}
