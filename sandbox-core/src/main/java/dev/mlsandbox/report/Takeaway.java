package dev.mlsandbox.report;

import java.util.Objects;

/**
 * One "what this shows" sentence, computed from the run and tied to the number that backs it.
 *
 * @param text    the sentence a learner reads, with the measured number already in it
 * @param measure what was measured, as a dotted name a program can look up (e.g. {@code crossValidator.fits})
 * @param value   the measured number
 */
public record Takeaway(String text, String measure, double value) {
    public Takeaway {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(measure, "measure");
    }
}
