package dev.mlsandbox.serving.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.spark.sql.SparkSession;

/**
 * How the serving module runs.
 *
 * @param cacheDir where model versions are downloaded (kept across restarts)
 * @param spark    a SparkSession for models with a stage the row scorer cannot compile (asked for only
 *                 then); null refuses such models with the compile report's reason
 * @param seed     the traffic split's seed
 */
public record ServingOptions(Path cacheDir, Supplier<SparkSession> spark, long seed) {

    public static final long DEFAULT_SEED = 42L;

    public ServingOptions {
        Objects.requireNonNull(cacheDir, "cacheDir");
    }

    /** Models cached in {@code cacheDir}, no Spark fallback, seed 42. */
    public static ServingOptions in(Path cacheDir) {
        return new ServingOptions(cacheDir, null, DEFAULT_SEED);
    }

    public ServingOptions withSpark(Supplier<SparkSession> value) {
        return new ServingOptions(cacheDir, value, seed);
    }

    public ServingOptions withSeed(long value) {
        return new ServingOptions(cacheDir, spark, value);
    }
}
