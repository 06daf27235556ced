package dev.mlsandbox.cli;

import dev.mlsandbox.lab.Failures;

/** Turns exceptions into the one-line reasons the CLI prints. */
final class Messages {

    private Messages() {
    }

    /**
     * The most useful line of an exception: our own messages already name the input and the rule;
     * for wrapped ones the cause usually says more than the wrapper ({@link Failures#reason}).
     */
    static String oneLine(Throwable e) {
        return Failures.reason(e);
    }
}
