package dev.mlsandbox.governance;

/** A refused governance request that is not a permission problem: unknown object, bad input. */
public final class GovernanceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, so a server can pick the HTTP status. */
    public enum Kind { NOT_FOUND, ALREADY_EXISTS, INVALID }

    private final Kind kind;

    public GovernanceException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static GovernanceException notFound(Securable s) {
        return new GovernanceException(Kind.NOT_FOUND, s.describe() + " does not exist");
    }
}
