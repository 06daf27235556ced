package dev.mlsandbox.serving.protocol;

import java.util.List;

import dev.mlsandbox.serving.InputFrame;

/**
 * One answered scoring request.
 *
 * @param request     the parsed request
 * @param scored      the rows the model scored: the signature's columns, in its order
 * @param predictions the prediction column's values, one per row the model kept
 * @param body        the response body, {@code {"predictions": [...]}}
 * @param warnings    what MLflow would log: ignored params, extra columns
 */
public record Invocation(ScoringRequest request, InputFrame scored, List<Object> predictions, String body,
                         List<String> warnings) {
    public Invocation {
        predictions = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(predictions));
        warnings = List.copyOf(warnings);
    }
}
