package dev.mlsandbox.bundle.deploy;

/**
 * What one create, update or delete did: the state entry afterwards (null after a delete) and how
 * to take it back.
 */
public record Applied(StateEntry entry, Undo undo) {

    public Applied {
        undo = undo == null ? Undo.NOTHING : undo;
    }
}
