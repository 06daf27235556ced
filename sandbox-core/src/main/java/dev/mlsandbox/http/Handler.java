package dev.mlsandbox.http;

/**
 * A small endpoint handler. It returns the JSON response body (a Jackson node, a map or a record
 * Jackson can write), or a {@link Response} for anything else (bytes, files, other statuses).
 * Throwing {@link dev.mlsandbox.http.MlflowException} sends MLflow's error body.
 */
@FunctionalInterface
public interface Handler {
    Object handle(Request request) throws Exception;
}
