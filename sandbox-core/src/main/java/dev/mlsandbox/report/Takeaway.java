package dev.mlsandbox.report;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One "what this shows" sentence, computed from the run and tied to the number that backs it.
 *
 * @param text    the sentence a learner reads, with the measured number already in it
 * @param measure what was measured, as a dotted name a program can look up (e.g. {@code crossValidator.fits});
 *                letters, digits and {@code _ - . /} only, because a lab's tracked run logs it as an
 *                MLflow metric key
 * @param value   the measured number
 */
public record Takeaway(String text, String measure, double value) {

    private static final Pattern MEASURE = Pattern.compile("[A-Za-z0-9_./-]+");

    public Takeaway {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(measure, "measure");
        if (!MEASURE.matcher(measure).matches()) {
            throw new IllegalArgumentException("takeaway measure '" + measure + "' must be a dotted name of letters, "
                    + "digits and _ - . / (it becomes an MLflow metric key), e.g. crossValidator.fits");
        }
    }
}
