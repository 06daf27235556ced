package dev.mlsandbox.registry.lab;

import java.util.ArrayList;
import java.util.List;

import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.RegistryException;
import dev.mlsandbox.registry.lab.RegistryLabResult.GovernanceStep;

/**
 * Grants over the REST API: a data scientist without USE SCHEMA, then with the right grants
 * (given by whoever may give them), then after a REVOKE. Every attempt is recorded with the
 * server's answer.
 */
final class GovernanceWalk {

    private final List<GovernanceStep> steps = new ArrayList<>();
    private final Registry admin;
    private final Registry owner;
    private final Registry reader;
    private final String model;

    GovernanceWalk(Registry admin, Registry owner, Registry reader, String model) {
        this.admin = admin;
        this.owner = owner;
        this.reader = reader;
        this.model = model;
    }

    /** The admin creates the catalog and schema and lets ml-team create models there. */
    void setup() {
        String schema = model.substring(0, model.lastIndexOf('.'));
        String catalog = schema.substring(0, schema.indexOf('.'));
        statement(admin, "admin", "CREATE CATALOG IF NOT EXISTS " + catalog);
        statement(admin, "admin", "CREATE SCHEMA IF NOT EXISTS " + schema);
        statement(admin, "admin", "GRANT USE CATALOG ON CATALOG " + catalog + " TO `ml-team`");
        statement(admin, "admin", "GRANT USE SCHEMA, CREATE MODEL ON SCHEMA " + schema + " TO `ml-team`");
    }

    List<GovernanceStep> run() {
        String schema = model.substring(0, model.lastIndexOf('.'));
        String catalog = schema.substring(0, schema.indexOf('.'));
        statement(admin, "admin", "GRANT USE CATALOG ON CATALOG " + catalog + " TO `data-scientists`");
        read("USE SCHEMA missing");
        statement(owner, "alice", "GRANT USE SCHEMA ON SCHEMA " + schema + " TO `data-scientists`");
        statement(admin, "admin", "GRANT USE SCHEMA ON SCHEMA " + schema + " TO `data-scientists`");
        read("EXECUTE missing");
        statement(owner, "alice", "GRANT EXECUTE ON FUNCTION " + model + " TO `data-scientists`");
        read("all three privileges held");
        attempt("bob", "set @champion", () -> reader.setAlias(model, "champion", 1));
        statement(owner, "alice", "GRANT EXECUTE FUNCTION " + model + " TO `data-scientists`");
        statement(owner, "alice", "REVOKE EXECUTE ON FUNCTION " + model + " FROM `data-scientists`");
        read("after REVOKE");
        statement(owner, "alice", "SHOW GRANTS ON FUNCTION " + model);
        return steps;
    }

    private void read(String why) {
        attempt("bob", "load models:/" + model + "@champion (" + why + ")", () -> reader.versionByAlias(model, "champion"));
    }

    private void statement(Registry as, String principal, String sql) {
        try {
            String message = as.sql(sql);
            steps.add(new GovernanceStep(sql, principal, "SQL: " + message, true, null));
        } catch (RegistryException e) {
            steps.add(new GovernanceStep(sql, principal, "SQL", false, e.status() + " " + e.errorCode() + ": " + e.getMessage()));
        }
    }

    private void attempt(String principal, String action, Runnable call) {
        try {
            call.run();
            steps.add(new GovernanceStep(null, principal, action, true, null));
        } catch (RegistryException e) {
            steps.add(new GovernanceStep(null, principal, action, false, e.status() + " " + e.errorCode() + ": " + e.getMessage()));
        }
    }
}
