/**
 * Retraining strategies on a drifting stream: when to retrain ({@link dev.mlsandbox.retraining.Trigger}:
 * never, on a schedule, on input drift, on measured quality with MLOps Stacks' rule, every window),
 * how (a Spark ML batch refit, {@link dev.mlsandbox.retraining.BatchTrainer}, or spark.mllib's
 * incremental gradient descent, {@link dev.mlsandbox.retraining.OnlineLearner}), and the validation
 * {@link dev.mlsandbox.retraining.Gate} that stands between a new model and the {@code @champion}
 * alias. Triggers read monitoring rows shaped like a data-profiling monitor's
 * {@code <table>_drift_metrics} and {@code <table>_profile_metrics} tables through two small
 * interfaces ({@link dev.mlsandbox.retraining.DriftMetricsTable},
 * {@link dev.mlsandbox.retraining.ProfileMetricsTable}), so they can read the drift engine now and
 * the monitor's Delta tables later. {@link dev.mlsandbox.retraining.DriftingStream} simulates the
 * stream (covariate, concept and label shift, seasonality, label delay, a transient anomaly,
 * corrupted labels); {@link dev.mlsandbox.retraining.RetrainingLoop} runs the strategies side by side.
 * The lab lives in {@code retraining.lab}.
 */
package dev.mlsandbox.retraining;
