package dev.mlsandbox.lab;

/**
 * A parameter value with a text form of its own (a tuning grid, say), for options components that
 * are neither numbers, booleans, text, enums nor lists of those. The implementing class also
 * declares {@code public static <Type> fromParameter(String text)}, the inverse of
 * {@link #toParameter()}, which throws an {@link IllegalArgumentException} that shows the expected
 * form when the text is not one.
 */
public interface ParameterText {

    /** The value as parameter text; {@code fromParameter} of it gives an equal value back. */
    String toParameter();
}
