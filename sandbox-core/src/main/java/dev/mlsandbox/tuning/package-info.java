/**
 * The tuning lab: CrossValidator versus TrainValidationSplit, with cost and variance measured.
 *
 * <p>{@link dev.mlsandbox.tuning.TuningLab} tunes one pipeline with both of Spark's validators and
 * measures, rather than computes, what they did: {@link dev.mlsandbox.tuning.CountingEstimator}
 * wraps the pipeline and counts every real {@code fit} (it survives Spark's {@code copy(extra)}),
 * {@link dev.mlsandbox.tuning.RecordingEvaluator} wraps the evaluator and records every metric
 * together with the fold and the {@code ParamMap} that produced it, and
 * {@link dev.mlsandbox.tuning.InstrumentedTuning} runs one instrumented fit and pairs metrics with
 * param maps by content ({@link dev.mlsandbox.tuning.ParamKey}), never by grid position.
 * {@link dev.mlsandbox.tuning.TuningResult} holds the numbers and builds the report.
 */
package dev.mlsandbox.tuning;
