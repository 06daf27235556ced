package dev.mlsandbox.cli;

/** Turns exceptions into the one-line reasons the CLI prints. */
final class Messages {

    private Messages() {
    }

    /**
     * The most useful line of an exception: our own messages already name the input and the rule;
     * for wrapped ones the root cause usually says more than the wrapper.
     */
    static String oneLine(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        String first = message.strip().lines().findFirst().orElse(message);
        boolean ours = shown instanceof IllegalArgumentException || shown instanceof IllegalStateException
                || shown instanceof java.io.UncheckedIOException;
        return ours ? first : shown.getClass().getSimpleName() + ": " + first;
    }
}
