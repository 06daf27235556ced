/**
 * Model serving: what an endpoint needs to score requests the way MLflow's scoring server and
 * Databricks Model Serving do. This package holds the types shared by its sub-packages, such as
 * {@link dev.mlsandbox.serving.InputFrame} (a request's rows, typed as MLflow's pyfunc would hand
 * them to a model). Sub-packages: {@code scorer} (the Spark-free row scorer compiled from a fitted
 * PipelineModel, with the fallback to Spark) and {@code protocol} (the scoring protocol's request
 * side: parsing, signature enforcement, the predictions answer).
 */
package dev.mlsandbox.serving;
