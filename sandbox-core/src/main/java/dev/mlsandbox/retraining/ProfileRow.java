package dev.mlsandbox.retraining;

/**
 * One model-quality row, shaped like a whole-table row of a data-profiling monitor's
 * {@code <table>_profile_metrics} table ({@code column_name = ":table"}, no slice,
 * {@code log_type = INPUT}): the quality of the model that served a window, computed once that
 * window's labels have landed.
 *
 * @param window  the window's index
 * @param modelId {@code model_id}: the registered version that served the window
 * @param metric  the metric's column name ({@code roc_auc_score} here)
 * @param value   its value on the window's labels as they landed (NaN when it is undefined)
 */
public record ProfileRow(int window, String modelId, String metric, double value) {
}
