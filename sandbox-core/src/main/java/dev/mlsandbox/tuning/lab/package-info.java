/**
 * The tuning lab ({@code bin/sandbox lab tuning}, {@code sandbox.tuningLab()}): CrossValidator
 * versus TrainValidationSplit, with cost and variance measured.
 *
 * <p>{@link dev.mlsandbox.tuning.lab.TuningLab} tunes one pipeline with both of Spark's validators
 * through {@link dev.mlsandbox.tuning.InstrumentedTuning}; {@link dev.mlsandbox.tuning.lab.TuningLabOptions}
 * holds its parameters, {@link dev.mlsandbox.tuning.lab.TuningLabResult} the numbers, and
 * {@code TuningLabReport} (with {@code TuningJson} and {@code TuningTakeaways}) builds the report;
 * {@code TuningTracking} logs per-fold metrics to the lab's MLflow run.
 */
package dev.mlsandbox.tuning.lab;
