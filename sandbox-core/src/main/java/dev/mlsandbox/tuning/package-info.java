/**
 * CrossValidator and TrainValidationSplit, instrumented: the concept code the tuning lab
 * ({@link dev.mlsandbox.tuning.lab}) is made of.
 *
 * <p>{@link dev.mlsandbox.tuning.CountingEstimator} wraps the pipeline and counts every real
 * {@code fit} (it survives Spark's {@code copy(extra)}), {@link dev.mlsandbox.tuning.RecordingEvaluator}
 * wraps the evaluator and records every metric together with the fold and the {@code ParamMap}
 * that produced it, and {@link dev.mlsandbox.tuning.InstrumentedTuning} runs one instrumented fit
 * and pairs metrics with param maps by content ({@link dev.mlsandbox.tuning.ParamKey}), never by
 * grid position. {@link dev.mlsandbox.tuning.TuningSetup} builds the churn pipeline and the grid
 * ({@link dev.mlsandbox.tuning.TuningGrid}); {@link dev.mlsandbox.tuning.Stability},
 * {@link dev.mlsandbox.tuning.LayoutComparison} and {@link dev.mlsandbox.tuning.Sweeps} hold what
 * repeated runs show.
 */
package dev.mlsandbox.tuning;
