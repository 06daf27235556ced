package dev.mlsandbox.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A VectorAssembler fed a column holding nulls or NaNs, under one {@code handleInvalid} mode.
 *
 * @param invalidValue {@code null} or {@code NaN}
 * @param mode         {@code error}, {@code skip} or {@code keep}
 * @param rowsIn       rows transformed
 * @param invalidRows  how many of them hold the invalid value
 * @param rowsOut      rows that came out (0 when the action failed)
 * @param rowsWithNaN  output vectors holding a NaN ({@code keep} turns a null into NaN)
 * @param failed       whether the action threw
 * @param error        the error's message, one line, or empty
 */
public record AssemblerOutcome(String invalidValue, String mode, long rowsIn, long invalidRows, long rowsOut,
                               long rowsWithNaN, boolean failed, String error) {

    @JsonProperty("rowsDropped")
    public long rowsDropped() {
        return failed ? rowsIn : rowsIn - rowsOut;
    }
}
