package dev.mlsandbox.drift;

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
}
