package dev.mlsandbox.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fitted study-guide model applied to rows with a plan it never saw, under one
 * {@code StringIndexerModel.handleInvalid} mode.
 *
 * @param mode        {@code error}, {@code skip} or {@code keep}
 * @param rowsIn      rows sent to {@code transform}
 * @param unseenRows  how many of them carry the unseen plan
 * @param rowsOut     rows that came out (0 when the action failed)
 * @param failed      whether the action threw
 * @param error       the error's message, one line, or empty
 * @param unseenIndex the index given to the unseen plan ({@code keep}: numLabels), or null when no
 *                    unseen row came out
 * @param numLabels   labels the StringIndexerModel learned
 */
public record UnseenCategoryOutcome(String mode, long rowsIn, long unseenRows, long rowsOut, boolean failed,
                                    String error, Double unseenIndex, int numLabels) {
    @JsonProperty("rowsDropped")
    public long rowsDropped() {
        return failed ? rowsIn : rowsIn - rowsOut;
    }
}
