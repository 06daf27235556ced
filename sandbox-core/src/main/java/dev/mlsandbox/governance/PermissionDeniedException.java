package dev.mlsandbox.governance;

/** A principal lacks a privilege: HTTP 403 PERMISSION_DENIED; the message names privilege and securable. */
public final class PermissionDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Decision decision;

    public PermissionDeniedException(Decision decision) {
        super(decision.message(), null, false, false);
        this.decision = decision;
    }

    public Decision decision() {
        return decision;
    }
}
