package dev.mlsandbox.cli;

/** Exit codes of {@code bin/sandbox}. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran and failed: a lab threw, a file could not be written, a check did not pass. */
    public static final int FAILED = 1;
    /** The command line itself was wrong: unknown option, bad value. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
