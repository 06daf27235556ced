package dev.mlsandbox.governance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers {@code can(principal, action, securable)} the way Unity Catalog does:
 * <ol>
 *   <li>a metastore admin may do anything;</li>
 *   <li>on the metastore itself (creating a catalog) there is nothing to USE: CREATE CATALOG
 *       granted on it is what counts;</li>
 *   <li>everyone else needs USE CATALOG on the catalog and USE SCHEMA on the schema that enclose
 *       the target (owning that catalog or schema counts), checked outermost first, so the
 *       first missing one is named;</li>
 *   <li>then the action's own requirement: a privilege held on the target or inherited from an
 *       enclosing catalog or schema (ALL PRIVILEGES covers all but MANAGE), or ownership.</li>
 * </ol>
 * A principal holds what is granted to it or to any group it belongs to; a group that owns an
 * object makes each member an owner.
 */
public final class Authorizer {

    private final Directory directory;
    private final GovernanceState state;

    public Authorizer(Directory directory, GovernanceState state) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.state = Objects.requireNonNull(state, "state");
    }

    public Directory directory() {
        return directory;
    }

    public GovernanceState state() {
        return state;
    }

    /** The decision; a target that does not exist throws {@link GovernanceException} (not found). */
    public Decision check(String principal, Action action, Securable target) {
        boolean metastore = target.type() == SecurableType.METASTORE;
        if (!metastore && !state.exists(target)) {
            throw GovernanceException.notFound(target);
        }
        if (directory.isAdmin(principal)) {
            return Decision.allow(principal, action, target);
        }
        if (metastore) {
            // the metastore is owned by its admins: others only hold what is granted on it
            Privilege needed = action == Action.MANAGE_GRANTS ? Privilege.MANAGE : action.privilege();
            return needed != null && holds(principal, needed, target) ? Decision.allow(principal, action, target)
                    : Decision.deny(principal, action, target, needed == null ? "METASTORE ADMIN" : needed.sql(), target);
        }
        List<Securable> chain = target.selfAndAncestors();
        Securable catalog = chain.get(chain.size() - 1);
        if (!holds(principal, Privilege.USE_CATALOG, catalog)) {
            return Decision.deny(principal, action, target, Privilege.USE_CATALOG.sql(), catalog);
        }
        if (target.type() != SecurableType.CATALOG) {
            Securable schema = chain.get(chain.size() - 2);
            if (!holds(principal, Privilege.USE_SCHEMA, schema)) {
                return Decision.deny(principal, action, target, Privilege.USE_SCHEMA.sql(), schema);
            }
        }
        return switch (action) {
            case USE -> Decision.allow(principal, action, target);
            case MODIFY_MODEL -> owns(principal, target) ? Decision.allow(principal, action, target)
                    : Decision.deny(principal, action, target, "OWNERSHIP", target);
            case MANAGE_GRANTS -> chain.stream().anyMatch(s -> owns(principal, s))
                    || holds(principal, Privilege.MANAGE, target) ? Decision.allow(principal, action, target)
                    : Decision.deny(principal, action, target, Privilege.MANAGE.sql(), target);
            default -> holds(principal, action.privilege(), target) ? Decision.allow(principal, action, target)
                    : Decision.deny(principal, action, target, action.privilege().sql(), target);
        };
    }

    public boolean can(String principal, Action action, Securable target) {
        return check(principal, action, target).allowed();
    }

    /** Whether the principal owns the securable (itself or through a group). */
    public boolean owns(String principal, Securable securable) {
        Optional<String> owner = state.owner(securable);
        return owner.isPresent() && directory.identities(principal).contains(owner.get());
    }

    /**
     * Whether the principal holds the privilege on the securable: owner of it, or granted it (or
     * ALL PRIVILEGES, except for MANAGE) on it or on an enclosing catalog or schema, itself or
     * through a group.
     */
    public boolean holds(String principal, Privilege privilege, Securable securable) {
        if (directory.isAdmin(principal) || owns(principal, securable)) {
            return true;
        }
        Set<String> ids = directory.identities(principal);
        for (Securable s : securable.selfAndAncestors()) {
            for (Grant g : state.grantsOn(s)) {
                if (ids.contains(g.principal()) && g.privilege().covers(privilege)) {
                    return true;
                }
            }
        }
        return false;
    }
}
