package dev.mlsandbox.drift;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Bad input to the drift engine: a missing file or column, a non-numeric value, mismatched
 * headers. The message names the input, the rule it broke and how to fix it; the CLI prints it as
 * its one-line reason.
 */
public class DriftInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DriftInputException(String message) {
        super(message);
    }

    /**
     * The rule for comparing "all columns": both sides have the same ones, or the comparison is
     * refused, naming what only one side has, so a feature the current data gained or lost is
     * never skipped quietly. One rule for CSV headers and for DataFrame schemas.
     *
     * @param what      what the names are, for the message ({@code headers}, {@code columns})
     * @param reference the reference side's names, in order
     * @param current   the current side's names
     * @return the reference names, the order to compare in
     */
    public static List<String> requireSameColumns(String what, List<String> reference, List<String> current) {
        Set<String> onlyRef = new LinkedHashSet<>(reference);
        onlyRef.removeAll(current);
        Set<String> onlyCur = new LinkedHashSet<>(current);
        onlyCur.removeAll(reference);
        if (!onlyRef.isEmpty() || !onlyCur.isEmpty()) {
            throw new DriftInputException(what + " differ: only in reference " + onlyRef + ", only in current "
                    + onlyCur + "; pass --columns to compare the common ones");
        }
        return reference;
    }
}
