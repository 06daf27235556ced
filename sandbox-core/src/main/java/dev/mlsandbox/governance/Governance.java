package dev.mlsandbox.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;


/**
 * Runs governance statements on behalf of a principal: parses the SQL, checks the principal may
 * run it, applies it. Throws {@link dev.mlsandbox.governance.SqlSyntaxError} for malformed
 * text, {@link PermissionDeniedException} when a privilege is missing, and
 * {@link GovernanceException} for unknown objects or principals.
 */
public final class Governance {

    private final Authorizer authorizer;

    public Governance(Authorizer authorizer) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    /** An in-memory governance for a directory (the lab, notebooks, tests). */
    public static Governance inMemory(Directory directory) {
        return new Governance(new Authorizer(directory, new InMemoryGovernanceState()));
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    public Decision check(String principal, Action action, Securable target) {
        return authorizer.check(principal, action, target);
    }

    public StatementResult execute(String principal, String sql) {
        return execute(principal, sql, GrantSqlParser.parse(sql));
    }

    public StatementResult execute(String principal, String sql, Statement statement) {
        GovernanceState state = authorizer.state();
        if (statement instanceof Statement.Grant g) {
            authorize(principal, Action.MANAGE_GRANTS, g.securable());
            requirePrincipal(g.principal());
            int added = 0;
            for (Privilege p : g.privileges()) {
                added += state.addGrant(new Grant(g.principal(), p, g.securable())) ? 1 : 0;
            }
            return result(sql, principal, "granted " + privileges(g.privileges()) + " on " + g.securable().describe()
                    + " to " + g.principal() + (added < g.privileges().size() ? " (some were already granted)" : ""));
        }
        if (statement instanceof Statement.Revoke r) {
            authorize(principal, Action.MANAGE_GRANTS, r.securable());
            requirePrincipal(r.principal());
            for (Privilege p : r.privileges()) {
                state.removeGrant(new Grant(r.principal(), p, r.securable()));
            }
            return result(sql, principal, "revoked " + privileges(r.privileges()) + " on " + r.securable().describe()
                    + " from " + r.principal());
        }
        if (statement instanceof Statement.ShowGrants s) {
            if (s.securable().type() != SecurableType.METASTORE && !state.exists(s.securable())) {
                throw GovernanceException.notFound(s.securable());
            }
            s.principal().ifPresent(this::requirePrincipal);
            List<GrantRow> rows = showGrants(s.securable(), s.principal());
            return new StatementResult(sql, principal, rows.size() + " grant(s) on " + s.securable().describe(), rows);
        }
        if (statement instanceof Statement.Create c) {
            return create(sql, principal, c);
        }
        Statement.AlterOwner a = (Statement.AlterOwner) statement;
        authorize(principal, Action.MANAGE_GRANTS, a.securable());
        requirePrincipal(a.principal());
        state.setOwner(a.securable(), a.principal());
        return result(sql, principal, "owner of " + a.securable().describe() + " is now " + a.principal());
    }

    /**
     * The grants that apply to a securable: made on it and inherited from enclosing levels, each
     * row naming the object it was granted on; owners are not listed (ownership is not a grant).
     */
    public List<GrantRow> showGrants(Securable securable, Optional<String> principal) {
        List<GrantRow> rows = new ArrayList<>();
        for (Securable s : securable.selfAndAncestors()) {
            for (Grant g : authorizer.state().grantsOn(s)) {
                if (principal.isEmpty() || principal.get().equals(g.principal())) {
                    rows.add(new GrantRow(g.principal(), g.privilege().sql(), s.type().sql(), s.fullName()));
                }
            }
        }
        return rows;
    }

    /** Registers a new securable created by {@code owner} (the registry calls this for a new model). */
    public void created(Securable securable, String owner) {
        authorizer.state().create(securable, owner);
    }

    private StatementResult create(String sql, String principal, Statement.Create c) {
        GovernanceState state = authorizer.state();
        Securable s = c.securable();
        if (state.exists(s)) {
            if (c.ifNotExists()) {
                return result(sql, principal, s.describe() + " already exists; nothing to do");
            }
            throw new GovernanceException(GovernanceException.Kind.ALREADY_EXISTS, s.describe()
                    + " already exists; use CREATE ... IF NOT EXISTS to ignore that");
        }
        if (s.type() == SecurableType.CATALOG) {
            authorize(principal, Action.CREATE_CATALOG, Securable.metastore());
        } else {
            Securable catalog = s.parent().orElseThrow();
            authorize(principal, Action.CREATE_SCHEMA, catalog);
        }
        state.create(s, principal);
        return result(sql, principal, "created " + s.describe() + ", owned by " + principal);
    }

    private void authorize(String principal, Action action, Securable target) {
        authorizer.check(principal, action, target).orThrow();
    }

    private void requirePrincipal(String name) {
        if (!authorizer.directory().knows(name)) {
            throw new GovernanceException(GovernanceException.Kind.NOT_FOUND, "Could not find principal with name '"
                    + name + "'; known users and groups are " + authorizer.directory().users() + " and "
                    + authorizer.directory().groups().keySet());
        }
    }

    private static StatementResult result(String sql, String principal, String message) {
        return new StatementResult(sql, principal, message, List.of());
    }

    private static String privileges(List<Privilege> ps) {
        return String.join(", ", ps.stream().map(Privilege::sql).toList());
    }
}
