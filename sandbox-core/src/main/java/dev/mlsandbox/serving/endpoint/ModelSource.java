package dev.mlsandbox.serving.endpoint;

import dev.mlsandbox.serving.protocol.ServingModel;

/**
 * Where an endpoint's models come from: the registry, on behalf of the caller who creates or
 * updates the endpoint (Unity Catalog: EXECUTE on the model). Refusals are
 * {@link dev.mlsandbox.http.MlflowException}s with the registry's code and status (404 for a model
 * or version that does not exist, 403 without EXECUTE).
 */
public interface ModelSource {

    /**
     * Checks, quickly and before anything is applied, that the version exists and that the
     * caller may serve it.
     *
     * @param authorization the caller's Authorization header, or null
     */
    void check(ServedEntity entity, String authorization);

    /**
     * Loads the version for serving (download, compile); slow, called off the request thread.
     *
     * @param authorization the caller's Authorization header, or null when an endpoint is reloaded
     *                      after a restart (its versions were checked when it was configured)
     */
    ServingModel load(ServedEntity entity, String authorization) throws Exception;
}
