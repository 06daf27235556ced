package dev.mlsandbox.hello.lab;

import java.util.Map;

import dev.mlsandbox.lab.LabOptions;
import dev.mlsandbox.lab.LabParameters;
import dev.mlsandbox.lab.Parameter;

/** What the hello lab runs; every parameter documented, with a default and a seed. */
public record HelloLabOptions(
        @Parameter("Seed of Spark's rand().") long seed,
        @Parameter("Uniform draws Spark makes, at least 10.") int rows,
        @Parameter("Equal-width buckets the draws are counted in, 2 to 100.") int buckets) implements LabOptions {

    public HelloLabOptions {
        LabParameters.require(rows >= 10, HelloLab.NAME, "rows", rows, "must be >= 10");
        LabParameters.require(buckets >= 2 && buckets <= 100, HelloLab.NAME, "buckets", buckets, "must be in [2, 100]");
    }

    public static HelloLabOptions defaults() {
        return new HelloLabOptions(42L, 10_000, 10);
    }

    public static HelloLabOptions fromParameters(Map<String, String> parameters) {
        return LabParameters.fromMap(HelloLab.NAME, defaults(), parameters);
    }

    public HelloLabOptions withRows(int value) {
        return new HelloLabOptions(seed, value, buckets);
    }
}
