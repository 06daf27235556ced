package dev.mlsandbox.pipeline;

/** Turns an exception Spark threw into the one line a learner should read. */
final class Errors {

    /** Long enough for any of Spark's handleInvalid messages, short enough for a table cell. */
    static final int MAX_LENGTH = 400;

    private Errors() {
    }

    /**
     * The innermost cause that has a message, on one line. Spark wraps a failing task in several
     * layers ("Job aborted due to stage failure ...", then the UDF wrapper); the innermost message
     * is the one that names the problem. Some of Spark's messages span lines: they are joined.
     */
    static String oneLine(Throwable error) {
        Throwable best = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t;
            }
        }
        String message = best.getMessage() == null ? "" : best.getMessage();
        String joined = message.strip().replaceAll("\\s+", " ");
        if (joined.length() > MAX_LENGTH) {
            joined = joined.substring(0, MAX_LENGTH - 3) + "...";
        }
        return best.getClass().getSimpleName() + ": " + joined;
    }
}
