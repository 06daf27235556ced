/**
 * The model registry on the tracking server: its tables (component {@code registry} of the
 * store's migrations), the MLflow model-registry endpoints under {@code /api/2.0/mlflow/}, the
 * Unity Catalog permissions endpoint, and HTTP basic authentication with privilege checks when
 * the server runs with {@code --auth}. Every request is one transaction of the shared store.
 */
package dev.mlsandbox.registry.server;
