package dev.mlsandbox.lab;

import java.io.UncheckedIOException;

/**
 * An exception as the one line a person reads, in a report cell, the tour's index or the command
 * line: never a stack trace, never a wrapper's "Job aborted due to stage failure" when the cause
 * says what went wrong.
 */
public final class Failures {
    /** Long enough for any of Spark's handleInvalid messages, short enough for a table cell. */
    public static final int MAX_LENGTH = 400;

    private Failures() {
    }

    /**
     * The innermost cause that has a message, its lines joined, at most {@link #MAX_LENGTH}
     * characters, after its class name. Spark wraps a failing task in several layers (the job,
     * the stage, the UDF wrapper); the innermost message is the one that names the problem.
     */
    public static String oneLine(Throwable error) {
        Throwable best = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t;
            }
        }
        return best.getClass().getSimpleName() + ": " + joined(best.getMessage());
    }

    /**
     * For a command line: our own messages (IllegalArgumentException, IllegalStateException,
     * UncheckedIOException) already name the input, the rule and the fix, so their first line is
     * shown as it is, without a class name; anything else as {@link #oneLine}.
     */
    public static String reason(Throwable error) {
        Throwable shown = error;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        boolean ours = shown instanceof IllegalArgumentException || shown instanceof IllegalStateException
                || shown instanceof UncheckedIOException;
        if (ours && shown.getMessage() != null) {
            String m = shown.getMessage().strip();
            return m.lines().findFirst().orElse(m);
        }
        return oneLine(shown);
    }

    private static String joined(String message) {
        String joined = message == null ? "" : message.strip().replaceAll("\\s+", " ");
        return joined.length() > MAX_LENGTH ? joined.substring(0, MAX_LENGTH - 3) + "..." : joined;
    }
}
