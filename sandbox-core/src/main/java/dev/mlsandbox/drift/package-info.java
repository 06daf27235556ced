/**
 * Drift detection: the statistics (two-sample Kolmogorov-Smirnov, PSI, Wasserstein, Jensen-Shannon,
 * total variation, L-infinity, chi-square), the bins they are computed on (fitted once on the
 * reference, saved and reloaded), the presets that turn metrics into verdicts, and the engine that
 * runs them over in-memory columns.
 *
 * <p>Following Evidently and NannyML, a <em>metric</em> (a number such as PSI) is kept separate from
 * the <em>test</em> that thresholds it ({@link dev.mlsandbox.drift.DriftPreset}) and from the report
 * that shows it ({@link dev.mlsandbox.drift.DriftResult#report()}). Sub-packages read files and
 * Spark DataFrames ({@code io}, {@code spark}) and simulate drift ({@code lab}).
 */
package dev.mlsandbox.drift;
