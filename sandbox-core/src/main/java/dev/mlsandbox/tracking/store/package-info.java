/**
 * The tracking tables ({@link dev.mlsandbox.tracking.store.TrackingSchema}, component {@code
 * tracking}) and {@link dev.mlsandbox.tracking.store.TrackingStore} with MLflow's rules
 * (write-once params, latest metric by step then timestamp, lifecycle stages), on the shared
 * database layer ({@code dev.mlsandbox.store}).
 */
package dev.mlsandbox.tracking.store;
