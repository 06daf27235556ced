/**
 * Spark at the bottom of the stack: the session factory, Delta Lake in the session, the JVM flags
 * Spark needs on JDK 17+, and seeded synthetic data sets.
 *
 * <p>{@link dev.mlsandbox.spark.SparkSessions} builds the one session a JVM uses (local[*] by
 * default, any master URL otherwise) with the sandbox's defaults: UI off, few shuffle partitions,
 * Spark's own logging quiet, Delta Lake's extension and catalog on.
 * {@link dev.mlsandbox.spark.DeltaSupport#require} is the one check code that uses Delta tables
 * calls first: a session built elsewhere without Delta's settings gets a clear error.
 * {@link dev.mlsandbox.spark.ChurnData} generates a churn-like table whose label follows a known
 * logistic relation, so labs can check what a model learned.
 */
package dev.mlsandbox.spark;
