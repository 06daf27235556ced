package dev.mlsandbox.serving.protocol;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.serving.InputFrame;

/**
 * A parsed scoring request: its rows, how they came, the {@code params} it carried, and what
 * MLflow would log as warnings (params a Spark model ignores).
 *
 * @param frame    the rows, typed (cast to the signature's types where it declares the column)
 * @param format   the input key used, or CSV
 * @param params   the {@code params} object, or null
 * @param warnings warnings, in the order they arose
 */
public record ScoringRequest(InputFrame frame, InputFormat format, JsonNode params, List<String> warnings) {
    public ScoringRequest {
        warnings = List.copyOf(warnings);
    }
}
