/**
 * Experiment tracking that speaks MLflow's REST API.
 *
 * <p>{@link dev.mlsandbox.tracking.TrackingServer} embeds a server (JDK HTTP server, JDBC store,
 * SQLite by default) that the real MLflow clients talk to unchanged; {@link
 * dev.mlsandbox.tracking.Tracking} is a notebook-friendly facade over the MLflow Java client that
 * adds pure-Java artifact upload and download; {@link dev.mlsandbox.tracking.RunLogger} implements
 * the lab layer's {@link dev.mlsandbox.lab.RunTracker}, the small hook labs log their runs through. Sub-packages: {@code store} (schema, migrations,
 * transactions), {@code search} (filter grammar and its SQL translation), {@code server} (route
 * table and handlers).
 */
package dev.mlsandbox.tracking;
