package dev.mlsandbox.registry;

import java.util.List;
import java.util.Map;

/** The registry's records, shaped like MLflow's model_registry.proto messages. */
public final class RegistryEntities {

    private RegistryEntities() {
    }

    /** A registered model; {@code aliases} maps alias to version, in alias order. */
    public record RegisteredModel(String name, long creationTimestamp, long lastUpdatedTimestamp, String userId,
                                  String description, Map<String, String> tags, Map<String, Long> aliases,
                                  List<ModelVersion> latestVersions) {
    }

    /** One immutable version; only description and tags change after creation (and the stage, in workspace mode). */
    public record ModelVersion(String name, long version, long creationTimestamp, long lastUpdatedTimestamp,
                               String userId, String currentStage, String description, String source, String runId,
                               String runLink, String status, String storageLocation, Map<String, String> tags,
                               List<String> aliases) {
    }

    /** A page of results and the token of the next one (null on the last page). */
    public record Page<T>(List<T> items, String nextPageToken) {
    }
}
