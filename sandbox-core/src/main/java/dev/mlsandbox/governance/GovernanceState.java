package dev.mlsandbox.governance;

import java.util.List;
import java.util.Optional;

/**
 * Where securables, their owners and their grants live. Two implementations: in memory
 * ({@link InMemoryGovernanceState}) and in the tracking server's database (the registry's store).
 * Callers hold any transaction; implementations do not check permissions.
 */
public interface GovernanceState {

    /** The owner, or empty when the securable does not exist. */
    Optional<String> owner(Securable securable);

    default boolean exists(Securable securable) {
        return owner(securable).isPresent();
    }

    /** Grants made directly on this securable (not inherited ones), in the order they were made. */
    List<Grant> grantsOn(Securable securable);

    /** Creates a securable owned by {@code owner}; throws {@link GovernanceException} if it exists. */
    void create(Securable securable, String owner);

    void setOwner(Securable securable, String owner);

    /** Adds a grant; false when it was already there. */
    boolean addGrant(Grant grant);

    /** Removes a grant; false when there was none. */
    boolean removeGrant(Grant grant);

    /** Forgets a securable and the grants made on it (a deleted model). */
    void drop(Securable securable);

    /** A renamed model keeps its owner and grants. */
    void rename(Securable from, Securable to);
}
