package dev.mlsandbox.registry.signature;

import java.util.List;
import java.util.Map;

/**
 * The verdict of schema enforcement on one request.
 *
 * @param accepted    whether the model may score the request
 * @param message     the error when refused; otherwise what happened (widenings, ignored columns)
 * @param warnings    what MLflow logs as warnings (extra columns it ignores)
 * @param widened     columns that are converted before scoring, with the type they become
 * @param columns     the request's columns the model gets, in the order it gets them (declared
 *                    order for named columns, the first ones for unnamed columns); empty when refused
 * @param notEnforced what the sandbox registered but could not check, and why (empty when
 *                    everything declared was checked)
 */
public record EnforcementResult(boolean accepted, String message, List<String> warnings,
                                Map<String, ColumnType> widened, List<String> columns, List<String> notEnforced) {
    public EnforcementResult {
        warnings = List.copyOf(warnings);
        widened = Map.copyOf(widened);
        columns = List.copyOf(columns);
        notEnforced = List.copyOf(notEnforced);
    }

    public EnforcementResult(boolean accepted, String message, List<String> warnings, Map<String, ColumnType> widened) {
        this(accepted, message, warnings, widened, List.of(), List.of());
    }

    static EnforcementResult refused(String message) {
        return new EnforcementResult(false, message, List.of(), Map.of(), List.of(), List.of());
    }

    /** Whether every declared form was checked (nothing registered-but-not-enforced). */
    public boolean fullyEnforced() {
        return notEnforced.isEmpty();
    }
}
