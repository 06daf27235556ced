/**
 * Serving endpoints as Databricks Model Serving defines them, without HTTP: an endpoint's config
 * ({@link dev.mlsandbox.serving.endpoint.EndpointConfig}: served entities and the traffic routes,
 * validated as the REST API validates them), the endpoints themselves
 * ({@link dev.mlsandbox.serving.endpoint.ServingEndpoints}: create, update the config with zero
 * downtime and one update at a time, delete, invoke), the seeded traffic split, the online shadow
 * (a sandbox pattern, not a Databricks route) and the per-request hook
 * ({@link dev.mlsandbox.serving.endpoint.InvocationListener}) an inference table is fed from.
 * Models come from a {@link dev.mlsandbox.serving.endpoint.ModelSource} (the registry, checking
 * the caller's EXECUTE privilege); endpoint definitions persist through an
 * {@link dev.mlsandbox.serving.endpoint.EndpointStore}. The REST routes live in
 * {@code dev.mlsandbox.serving.server}.
 */
package dev.mlsandbox.serving.endpoint;
