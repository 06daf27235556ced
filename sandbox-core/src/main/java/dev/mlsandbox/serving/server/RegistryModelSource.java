package dev.mlsandbox.serving.server;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.MlflowException;
import dev.mlsandbox.registry.ModelUri;
import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.RegistryException;
import dev.mlsandbox.serving.endpoint.ModelSource;
import dev.mlsandbox.serving.endpoint.ServedEntity;
import dev.mlsandbox.serving.protocol.ServingModel;

/**
 * Models from the registry's REST API, called on behalf of the caller (its Authorization header
 * passed on), so the registry applies Unity Catalog's rule for loading a model: EXECUTE on it, and
 * USE CATALOG / USE SCHEMA above it. Versions are downloaded once into a cache directory (a
 * version's files never change), and a restarted server reloads them from there.
 */
public final class RegistryModelSource implements ModelSource {

    private final Supplier<URI> registry;
    private final Path cacheDir;
    private final Supplier<SparkSession> spark;

    /**
     * @param registry the registry's address (known once the server listens)
     * @param cacheDir where versions are downloaded
     * @param spark    a SparkSession for a model with a stage the row scorer cannot compile; null to refuse such models
     */
    public RegistryModelSource(Supplier<URI> registry, Path cacheDir, Supplier<SparkSession> spark) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.spark = spark;
    }

    @Override
    public void check(ServedEntity entity, String authorization) {
        try (Registry r = Registry.onBehalfOf(registry.get(), authorization)) {
            r.version(entity.entityName(), entity.version());
        } catch (RegistryException e) {
            throw refusal(entity, e);
        }
    }

    @Override
    public ServingModel load(ServedEntity entity, String authorization) throws Exception {
        Path cached = cacheDir.resolve(entity.entityName()).resolve(entity.entityVersion());
        Path dir;
        if (authorization == null && Files.isRegularFile(cached.resolve("MLmodel"))) {
            dir = cached;
        } else {
            try (Registry r = Registry.onBehalfOf(registry.get(), authorization)) {
                dir = r.download(ModelUri.version(entity.entityName(), entity.version()).toString(), cacheDir);
            } catch (RegistryException e) {
                throw refusal(entity, e);
            }
        }
        return spark == null ? ServingModel.load(dir) : ServingModel.load(dir, spark);
    }

    private static MlflowException refusal(ServedEntity entity, RegistryException e) {
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(e.errorCode());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            code = e.status() == 404 ? ErrorCode.RESOURCE_DOES_NOT_EXIST : ErrorCode.INVALID_PARAMETER_VALUE;
        }
        String prefix = "Served entity '" + entity.name() + "' (" + entity.entityName() + " version " + entity.entityVersion()
                + "): ";
        String hint = code == ErrorCode.PERMISSION_DENIED
                ? " Serving a model needs EXECUTE on it (and USE CATALOG, USE SCHEMA on its catalog and schema)." : "";
        return new MlflowException(code, e.status(), prefix + e.getMessage() + hint);
    }
}
