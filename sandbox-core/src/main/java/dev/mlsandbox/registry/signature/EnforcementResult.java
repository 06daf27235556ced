package dev.mlsandbox.registry.signature;

import java.util.List;
import java.util.Map;

/**
 * The verdict of schema enforcement on one request.
 *
 * @param accepted whether the model may score the request
 * @param message  the error when refused; otherwise what happened (widenings, ignored columns)
 * @param warnings what MLflow logs as warnings (extra columns it ignores)
 * @param widened  columns that are converted before scoring, with the type they become
 */
public record EnforcementResult(boolean accepted, String message, List<String> warnings,
                                Map<String, ColumnType> widened) {
    public EnforcementResult {
        warnings = List.copyOf(warnings);
        widened = Map.copyOf(widened);
    }
}
