package dev.mlsandbox.serving.batch;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.registry.ModelUri;
import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.RegistryEntities.ModelVersion;
import dev.mlsandbox.registry.model.LoadedModel;

/**
 * Batch inference as a scheduled Spark job does it: load {@code models:/catalog.schema.model@alias}
 * and transform a table. The alias is resolved on every call, so moving {@code @champion} (a
 * promotion or a rollback) takes effect on the next batch at once; a serving endpoint, which pins
 * {@code entity_version}, does not follow until its config is updated. Loaded versions are kept
 * (a version's files never change), so a moved alias costs one load, a repeated batch none.
 * Signature enforcement applies as pyfunc applies it ({@link LoadedModel#score}).
 */
public final class BatchScorer {

    private final Registry registry;
    private final Path cacheDir;
    private final Map<String, LoadedModel> loaded = new ConcurrentHashMap<>();

    /**
     * @param registry the registry to resolve and download from
     * @param cacheDir where downloaded model versions are kept
     */
    public BatchScorer(Registry registry, Path cacheDir) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
    }

    /**
     * Scores a table with the version {@code modelUri} names now.
     *
     * @param modelUri {@code models:/name@alias} or {@code models:/name/version}
     * @return the version used and the lazily transformed table (run it with an action or a write)
     */
    public BatchScore score(String modelUri, Dataset<Row> table) {
        ModelVersion version = registry.resolve(modelUri);
        LoadedModel model = loaded.computeIfAbsent(version.name() + "/" + version.version(),
                k -> registry.load(ModelUri.version(version.name(), version.version()).toString(), cacheDir));
        return new BatchScore(modelUri, version.name(), version.version(), model.score(table));
    }
}
