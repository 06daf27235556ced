/**
 * The tracking server's endpoints on the shared HTTP layer ({@code dev.mlsandbox.http}): MLflow's
 * tracking REST API ({@link dev.mlsandbox.tracking.server.TrackingRoutes}), its JSON shapes
 * ({@link dev.mlsandbox.tracking.server.TrackingJson}), and the artifact proxy.
 */
package dev.mlsandbox.tracking.server;
