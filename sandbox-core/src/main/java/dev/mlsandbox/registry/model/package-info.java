/**
 * MLflow models on disk, written and read from Java: the {@code MLmodel} YAML (flavors, signature,
 * input example info, run id, uuid), the {@code spark} flavor's {@code sparkml/} directory saved
 * by {@code PipelineModel.save}, and the input example. A directory written here is laid out as
 * {@code mlflow.spark.log_model} lays it out, so Python's {@code mlflow.spark.load_model} can
 * read it.
 */
package dev.mlsandbox.registry.model;
