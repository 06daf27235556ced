/**
 * A Spark-free row scorer for fitted Spark ML pipelines.
 *
 * <p>An MLflow Spark model behind an endpoint runs {@code PipelineModel.transform} in a local
 * Spark session inside the serving container: tens of milliseconds per request even for one row.
 * {@link dev.mlsandbox.serving.scorer.RowScorers#compile} and
 * {@link dev.mlsandbox.serving.scorer.SavedPipelineReader#read} compile the pipeline instead into
 * one kernel per stage over a row of slots (trees as parallel arrays), which scores a record in
 * microseconds and gives the columns {@code transform} adds: predictions and indices equal,
 * probabilities and raw predictions within 1e-12 (bit for bit except where Spark's BLAS sums in
 * another order), vectors in the dense or sparse form Spark picks, rows dropped and rows failed
 * as {@code handleInvalid} says, with Spark's messages.
 *
 * <p>Supported: StringIndexerModel, OneHotEncoderModel, VectorAssembler, StandardScalerModel,
 * MinMaxScalerModel, ImputerModel, Bucketizer, LogisticRegressionModel, LinearRegressionModel
 * and the decision tree, random forest and GBT models for classification and regression
 * ({@link dev.mlsandbox.serving.scorer.Stages#SUPPORTED}). A model with any other stage (or a
 * param the kernels do not compute, such as {@code leafCol}) runs on Spark as a whole
 * ({@link dev.mlsandbox.serving.scorer.SparkFallbackScorer}), and the
 * {@link dev.mlsandbox.serving.scorer.CompileReport} names the stage and the reason;
 * {@link dev.mlsandbox.serving.scorer.Scorers} makes that choice.
 *
 * <p>Loading without Spark: a saved PipelineModel is JSON metadata plus Parquet data per stage.
 * {@link dev.mlsandbox.serving.scorer.SavedPipelineReader} reads the JSON with Jackson and the
 * Parquet with parquet-column's record API on the local file system (parquet-hadoop's reader with
 * {@code LocalInputFile} and a plain configuration: no SparkSession, no Hadoop file system). A
 * test runs it in a JVM whose class path holds no Spark or Scala jar. Why not another route:
 * exporting a second, scorer-only file when a model is logged would serve models logged by this
 * sandbox only; reading Spark's own layout serves any model {@code mlflow.spark.log_model} or
 * {@code model.write().save} produced (Spark 3 and later).
 */
package dev.mlsandbox.serving.scorer;
