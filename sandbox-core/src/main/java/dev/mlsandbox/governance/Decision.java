package dev.mlsandbox.governance;

/**
 * The authorizer's answer.
 *
 * @param allowed   whether the action may go ahead
 * @param principal who asked
 * @param action    what was asked
 * @param target    on what
 * @param missing   the privilege that is missing ({@code USE SCHEMA}, {@code EXECUTE}, {@code OWNERSHIP}...), or null
 * @param on        the securable the missing privilege is needed on, or null
 * @param message   why not, and the statement that would fix it; empty when allowed
 */
public record Decision(boolean allowed, String principal, Action action, Securable target, String missing,
                       Securable on, String message) {

    static Decision allow(String principal, Action action, Securable target) {
        return new Decision(true, principal, action, target, null, null, "");
    }

    static Decision deny(String principal, Action action, Securable target, String missing, Securable on) {
        String message = "User '" + principal + "' does not have " + missing + " on " + on.describe() + " (needed to "
                + action.verb() + " " + target.describe() + ").";
        if (missing.equals("OWNERSHIP")) {
            message = "User '" + principal + "' is not the owner of " + on.describe() + " (needed to " + action.verb()
                    + " it). Only the owner or a metastore admin may; the owner can transfer it with ALTER "
                    + on.sql() + " OWNER TO `" + principal + "`.";
        } else {
            message += (on.type() == SecurableType.METASTORE ? " A metastore admin can run: GRANT "
                    : " The owner or an admin can run: GRANT ") + missing + " ON " + on.sql() + " TO `" + principal + "`";
        }
        return new Decision(false, principal, action, target, missing, on, message);
    }

    /** Throws {@link PermissionDeniedException} unless allowed. */
    public Decision orThrow() {
        if (!allowed) {
            throw new PermissionDeniedException(this);
        }
        return this;
    }
}
