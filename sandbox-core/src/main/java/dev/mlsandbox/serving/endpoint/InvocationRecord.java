package dev.mlsandbox.serving.endpoint;

/**
 * One request an endpoint answered (or refused), with what an inference table's
 * {@code <prefix>_payload} row holds (Databricks' AI Gateway form): {@code databricks_request_id},
 * {@code client_request_id}, {@code request_time}, {@code status_code},
 * {@code execution_duration_ms}, {@code request}, {@code response}, {@code served_entity_id},
 * {@code requester}; and what the legacy form's {@code request_metadata} held (endpoint name,
 * model name and version).
 *
 * @param requestId          the server's id for the request (a UUID), also sent back as the
 *                           {@code x-request-id} header
 * @param clientRequestId    the body's {@code client_request_id}, or null
 * @param endpointName       the endpoint
 * @param servedEntityName   the served entity that answered; null when the request failed before routing
 * @param servedEntityId     that entity's id within the endpoint's config (stable across restarts); null with it
 * @param entityName         the registered model; null with it
 * @param entityVersion      its version; null with it
 * @param requestTimeMillis  when the request arrived (epoch milliseconds)
 * @param executionNanos     parse + enforce + score + answer, in nanoseconds
 * @param statusCode         200, or the refusal's status
 * @param requestBody        the body as received
 * @param responseBody       the answer's body ({@code {"predictions": [...]}} or the error body)
 * @param requester          who asked: the basic-auth user, or {@code anonymous}
 * @param shadow             true for a Challenger's off-path answer (online shadow), never sent to the client
 */
public record InvocationRecord(String requestId, String clientRequestId, String endpointName, String servedEntityName,
                               String servedEntityId, String entityName, String entityVersion, long requestTimeMillis,
                               long executionNanos, int statusCode, String requestBody, String responseBody,
                               String requester, boolean shadow) {

    /** {@code execution_duration_ms} as the inference table stores it. */
    public long executionDurationMs() {
        return executionNanos / 1_000_000L;
    }
}
