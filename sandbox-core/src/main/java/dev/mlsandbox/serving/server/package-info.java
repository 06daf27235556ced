/**
 * Serving on the sandbox server: {@link dev.mlsandbox.serving.server.ServingModule} adds the
 * Databricks serving-endpoints REST API ({@code /api/2.0/serving-endpoints}), the invocation routes
 * ({@code /serving-endpoints/{name}/invocations}, {@code .../served-models/{served}/invocations}),
 * {@code /ping} and {@code /version}, and the {@code serving} tables (endpoint definitions, so a
 * restarted server serves them again). Models are resolved through the registry's public REST API
 * on behalf of the caller ({@link dev.mlsandbox.serving.server.RegistryModelSource}), which is where
 * Unity Catalog's EXECUTE check happens. {@link dev.mlsandbox.serving.server.ModelServer} is the
 * one-model server ({@code POST /invocations}, as {@code mlflow models serve}).
 */
package dev.mlsandbox.serving.server;
