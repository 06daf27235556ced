/**
 * Batch inference beside real-time serving: {@link dev.mlsandbox.serving.batch.BatchScorer}
 * scores a table with the version {@code models:/name@alias} names at that moment (so it follows
 * an alias move at once, unlike an endpoint pinned to a version), and
 * {@link dev.mlsandbox.serving.batch.ScoringThroughput} measures the same model as a Spark batch
 * job and through the row scorer, per record and per table, in rows per second.
 */
package dev.mlsandbox.serving.batch;
