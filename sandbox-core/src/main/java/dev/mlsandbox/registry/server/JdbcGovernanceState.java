package dev.mlsandbox.registry.server;

import dev.mlsandbox.store.Sql;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mlsandbox.governance.GovernanceException;
import dev.mlsandbox.governance.GovernanceState;
import dev.mlsandbox.governance.Grant;
import dev.mlsandbox.governance.Privilege;
import dev.mlsandbox.governance.Securable;

/**
 * Governance state in the tracking store's tables, inside the caller's transaction (one object
 * per request, over that request's connection).
 */
public final class JdbcGovernanceState implements GovernanceState {

    private final Connection c;

    public JdbcGovernanceState(Connection c) {
        this.c = c;
    }

    @Override
    public Optional<String> owner(Securable s) {
        return Sql.query(c, "SELECT owner FROM uc_securables WHERE securable_type = ? AND full_name = ?",
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), s.type().name(), s.fullName());
    }

    @Override
    public List<Grant> grantsOn(Securable s) {
        return Sql.query(c, "SELECT principal, privilege FROM uc_grants WHERE securable_type = ? AND full_name = ? ORDER BY seq",
                rs -> {
                    List<Grant> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Grant(rs.getString(1), Privilege.valueOf(rs.getString(2)), s));
                    }
                    return out;
                }, s.type().name(), s.fullName());
    }

    @Override
    public void create(Securable s, String owner) {
        if (owner(s).isPresent()) {
            throw new GovernanceException(GovernanceException.Kind.ALREADY_EXISTS, s.describe() + " already exists");
        }
        Sql.update(c, "INSERT INTO uc_securables (securable_type, full_name, owner) VALUES (?, ?, ?)", s.type().name(),
                s.fullName(), owner);
    }

    @Override
    public void setOwner(Securable s, String owner) {
        if (Sql.update(c, "UPDATE uc_securables SET owner = ? WHERE securable_type = ? AND full_name = ?", owner,
                s.type().name(), s.fullName()) == 0) {
            throw GovernanceException.notFound(s);
        }
    }

    @Override
    public boolean addGrant(Grant g) {
        if (grantsOn(g.securable()).contains(g)) {
            return false;
        }
        Sql.update(c, "INSERT INTO uc_grants (securable_type, full_name, principal, privilege) VALUES (?, ?, ?, ?)",
                g.securable().type().name(), g.securable().fullName(), g.principal(), g.privilege().name());
        return true;
    }

    @Override
    public boolean removeGrant(Grant g) {
        return Sql.update(c, "DELETE FROM uc_grants WHERE securable_type = ? AND full_name = ? AND principal = ? AND privilege = ?",
                g.securable().type().name(), g.securable().fullName(), g.principal(), g.privilege().name()) > 0;
    }

    @Override
    public void drop(Securable s) {
        Sql.update(c, "DELETE FROM uc_grants WHERE securable_type = ? AND full_name = ?", s.type().name(), s.fullName());
        Sql.update(c, "DELETE FROM uc_securables WHERE securable_type = ? AND full_name = ?", s.type().name(), s.fullName());
    }

    @Override
    public void rename(Securable from, Securable to) {
        Sql.update(c, "UPDATE uc_grants SET full_name = ? WHERE securable_type = ? AND full_name = ?", to.fullName(),
                from.type().name(), from.fullName());
        Sql.update(c, "UPDATE uc_securables SET full_name = ? WHERE securable_type = ? AND full_name = ?", to.fullName(),
                from.type().name(), from.fullName());
    }
}
