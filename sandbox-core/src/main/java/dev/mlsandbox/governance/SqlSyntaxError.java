package dev.mlsandbox.governance;

/**
 * A malformed statement: where (1-based character position), what was expected there, what was
 * found, and the statement's syntax.
 */
public final class SqlSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String statement;
    private final int position;
    private final String expected;
    private final String found;

    public SqlSyntaxError(String statement, int position, String expected, String found, String syntax) {
        super("Syntax error at position " + position + ": expected " + expected + ", found " + found
                + (syntax == null ? "" : ". Syntax: " + syntax), null, false, false);
        this.statement = statement;
        this.position = position;
        this.expected = expected;
        this.found = found;
    }

    public String statement() {
        return statement;
    }

    public int position() {
        return position;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    /** The statement with a caret under the position, for a report or a terminal. */
    public String caret() {
        return statement + "\n" + " ".repeat(Math.max(0, position - 1)) + "^";
    }
}
