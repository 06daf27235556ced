/**
 * The JDBC store behind the tracking server: {@link dev.mlsandbox.tracking.store.Database}
 * (connections, one transaction per call, serialized writes), {@link
 * dev.mlsandbox.tracking.store.Dialect} (the only place that knows SQLite from PostgreSQL),
 * numbered {@link dev.mlsandbox.tracking.store.Migration}s recorded in a schema version table so
 * other modules (the model registry) can add their own tables, and {@link
 * dev.mlsandbox.tracking.store.TrackingStore} with MLflow's rules (write-once params, latest
 * metric by step then timestamp, lifecycle stages).
 */
package dev.mlsandbox.tracking.store;
