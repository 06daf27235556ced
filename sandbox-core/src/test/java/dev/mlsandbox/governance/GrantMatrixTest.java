package dev.mlsandbox.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what after which statements. Cast: admin (metastore admin), alice (in ml-team, which
 * may create models in main.ml; she creates and owns main.ml.churn), bob (in data-scientists),
 * carol (in no group).
 */
class GrantMatrixTest {

    static final Securable CHURN = Securable.model("main.ml.churn");
    static final Securable ML = Securable.schema("main.ml");
    static final Securable MAIN = Securable.catalog("main");

    Governance gov;

    @BeforeEach
    void setUp() {
        gov = Governance.inMemory(Directory.builder().admin("admin").user("alice").user("bob").user("carol")
                .group("ml-team", "alice").group("data-scientists", "bob").build());
        run("admin", "CREATE CATALOG main");
        run("admin", "CREATE SCHEMA main.ml");
        run("admin", "GRANT USE CATALOG ON CATALOG main TO `ml-team`");
        run("admin", "GRANT USE SCHEMA, CREATE MODEL ON SCHEMA main.ml TO `ml-team`");
        expect("alice", Action.CREATE_MODEL, ML, null);
        gov.created(CHURN, "alice");
    }

    @Test
    void ownerAndAdminMayDoEverythingOthersStartWithNothing() {
        for (Action a : Action.values()) {
            expect("admin", a, CHURN, null);
        }
        expect("alice", Action.READ_MODEL, CHURN, null);
        expect("alice", Action.MODIFY_MODEL, CHURN, null);
        expect("alice", Action.APPLY_TAG, CHURN, null);
        expect("alice", Action.DELETE_MODEL, CHURN, null);
        expect("alice", Action.MANAGE_GRANTS, CHURN, null);
        // alice owns the model, not the schema: she may not grant on it
        expect("alice", Action.MANAGE_GRANTS, ML, "MANAGE");
        expect("bob", Action.READ_MODEL, CHURN, "USE CATALOG");
        expect("carol", Action.READ_MODEL, CHURN, "USE CATALOG");
        expect("bob", Action.CREATE_MODEL, ML, "USE CATALOG");
    }

    @Test
    void readingNeedsUseCatalogThenUseSchemaThenExecute() {
        run("admin", "GRANT USE CATALOG ON CATALOG main TO `data-scientists`");
        Decision d = expect("bob", Action.READ_MODEL, CHURN, "USE SCHEMA");
        assertEquals(ML, d.on());
        assertTrue(d.message().contains("does not have USE SCHEMA on Schema 'main.ml'"), d.message());
        assertTrue(d.message().contains("GRANT USE SCHEMA ON SCHEMA main.ml TO `bob`"), d.message());

        // the model's owner may not grant on the schema
        PermissionDeniedException denied = assertThrows(PermissionDeniedException.class,
                () -> run("alice", "GRANT USE SCHEMA ON SCHEMA main.ml TO `data-scientists`"));
        assertEquals("MANAGE", denied.decision().missing());
        run("admin", "GRANT USE SCHEMA ON SCHEMA main.ml TO `data-scientists`");
        expect("bob", Action.READ_MODEL, CHURN, "EXECUTE");

        // ... but she may grant on her model
        run("alice", "GRANT EXECUTE ON FUNCTION main.ml.churn TO `data-scientists`");
        expect("bob", Action.READ_MODEL, CHURN, null);
        expect("bob", Action.MODIFY_MODEL, CHURN, "OWNERSHIP");
        expect("bob", Action.APPLY_TAG, CHURN, "APPLY TAG");
        expect("bob", Action.DELETE_MODEL, CHURN, "MANAGE");
        expect("bob", Action.MANAGE_GRANTS, CHURN, "MANAGE");
        expect("carol", Action.READ_MODEL, CHURN, "USE CATALOG");

        run("alice", "REVOKE EXECUTE ON FUNCTION main.ml.churn FROM `data-scientists`");
        expect("bob", Action.READ_MODEL, CHURN, "EXECUTE");
        run("admin", "REVOKE USE SCHEMA ON SCHEMA main.ml FROM `data-scientists`");
        run("alice", "GRANT EXECUTE ON FUNCTION main.ml.churn TO `data-scientists`");
        expect("bob", Action.READ_MODEL, CHURN, "USE SCHEMA");
    }

    @Test
    void catalogAndSchemaGrantsAreInheritedByCurrentAndFutureModels() {
        run("admin", "GRANT USE CATALOG, USE SCHEMA, EXECUTE ON CATALOG main TO carol");
        expect("carol", Action.READ_MODEL, CHURN, null);
        gov.created(Securable.model("main.ml.churn_v2"), "alice");
        expect("carol", Action.READ_MODEL, Securable.model("main.ml.churn_v2"), null);
        run("admin", "CREATE SCHEMA main.other");
        gov.created(Securable.model("main.other.fraud"), "admin");
        expect("carol", Action.READ_MODEL, Securable.model("main.other.fraud"), null);
        // a grant on the schema stays inside it
        run("admin", "GRANT USE CATALOG ON CATALOG main TO bob");
        run("admin", "GRANT USE SCHEMA, EXECUTE ON SCHEMA main.ml TO bob");
        expect("bob", Action.READ_MODEL, CHURN, null);
        expect("bob", Action.READ_MODEL, Securable.model("main.other.fraud"), "USE SCHEMA");
    }

    @Test
    void allPrivilegesCoversAllButManage() {
        run("admin", "GRANT USE CATALOG ON CATALOG main TO bob");
        run("admin", "GRANT ALL PRIVILEGES ON SCHEMA main.ml TO bob");
        expect("bob", Action.READ_MODEL, CHURN, null);
        expect("bob", Action.APPLY_TAG, CHURN, null);
        expect("bob", Action.CREATE_MODEL, ML, null);
        expect("bob", Action.DELETE_MODEL, CHURN, "MANAGE");
        expect("bob", Action.MANAGE_GRANTS, CHURN, "MANAGE");
        expect("bob", Action.MODIFY_MODEL, CHURN, "OWNERSHIP");
        run("alice", "GRANT MANAGE ON FUNCTION main.ml.churn TO bob");
        expect("bob", Action.MANAGE_GRANTS, CHURN, null);
        expect("bob", Action.DELETE_MODEL, CHURN, null);
        run("bob", "GRANT EXECUTE ON FUNCTION main.ml.churn TO carol");
    }

    @Test
    void ownersOfEnclosingLevelsAndGroupOwnersMayGrant() {
        run("admin", "ALTER SCHEMA main.ml OWNER TO carol");
        run("admin", "GRANT USE CATALOG ON CATALOG main TO carol");
        expect("carol", Action.MANAGE_GRANTS, CHURN, null);
        run("carol", "GRANT EXECUTE ON FUNCTION main.ml.churn TO bob");
        // schema ownership is not a privilege on the model itself
        expect("carol", Action.MODIFY_MODEL, CHURN, "OWNERSHIP");

        run("alice", "ALTER FUNCTION main.ml.churn OWNER TO `ml-team`");
        expect("alice", Action.MODIFY_MODEL, CHURN, null);
        assertTrue(gov.authorizer().owns("alice", CHURN));
        assertFalse(gov.authorizer().owns("bob", CHURN));
    }

    @Test
    void showGrantsListsDirectAndInheritedGrants() {
        run("admin", "GRANT USE CATALOG ON CATALOG main TO `data-scientists`");
        run("alice", "GRANT EXECUTE, APPLY TAG ON FUNCTION main.ml.churn TO `data-scientists`");
        List<GrantRow> rows = run("bob", "SHOW GRANTS ON FUNCTION main.ml.churn").rows();
        assertEquals(List.of(
                new GrantRow("data-scientists", "EXECUTE", "FUNCTION", "main.ml.churn"),
                new GrantRow("data-scientists", "APPLY TAG", "FUNCTION", "main.ml.churn"),
                new GrantRow("ml-team", "USE SCHEMA", "SCHEMA", "main.ml"),
                new GrantRow("ml-team", "CREATE MODEL", "SCHEMA", "main.ml"),
                new GrantRow("ml-team", "USE CATALOG", "CATALOG", "main"),
                new GrantRow("data-scientists", "USE CATALOG", "CATALOG", "main")), rows);
        assertEquals(1, gov.showGrants(CHURN, Optional.of("ml-team")).stream()
                .filter(r -> r.objectType().equals("SCHEMA") && r.actionType().equals("USE SCHEMA")).count());
    }

    @Test
    void refusalsForUnknownThings() {
        GovernanceException e = assertThrows(GovernanceException.class,
                () -> run("admin", "GRANT EXECUTE ON FUNCTION main.ml.churn TO `nobody`"));
        assertTrue(e.getMessage().contains("Could not find principal with name 'nobody'"), e.getMessage());
        e = assertThrows(GovernanceException.class, () -> run("admin", "GRANT EXECUTE ON FUNCTION main.ml.nope TO bob"));
        assertEquals(GovernanceException.Kind.NOT_FOUND, e.kind());
        assertThrows(PermissionDeniedException.class, () -> run("alice", "CREATE CATALOG dev"));
        assertThrows(GovernanceException.class, () -> run("admin", "CREATE CATALOG main"));
        assertEquals("Catalog 'main' already exists; nothing to do",
                run("admin", "CREATE CATALOG IF NOT EXISTS main").message());
        // a refused grant changes nothing
        assertThrows(PermissionDeniedException.class, () -> run("bob", "GRANT EXECUTE ON FUNCTION main.ml.churn TO bob"));
        assertTrue(gov.showGrants(CHURN, Optional.of("bob")).isEmpty());
    }

    @Test
    void theMetastoreHoldsCreateCatalogAndACatalogCreateSchema() {
        PermissionDeniedException denied = assertThrows(PermissionDeniedException.class, () -> run("bob", "CREATE CATALOG dev"));
        assertEquals("User 'bob' does not have CREATE CATALOG on Metastore (needed to create a catalog in Metastore). A"
                + " metastore admin can run: GRANT CREATE CATALOG ON METASTORE TO `bob`", denied.getMessage());
        expect("admin", Action.CREATE_CATALOG, Securable.metastore(), null);
        run("admin", "GRANT CREATE CATALOG ON METASTORE TO `data-scientists`");
        assertEquals(List.of(new GrantRow("data-scientists", "CREATE CATALOG", "METASTORE", "metastore")),
                run("admin", "SHOW GRANTS ON METASTORE").rows());
        run("bob", "CREATE CATALOG dev");
        assertEquals(Optional.of("bob"), gov.authorizer().state().owner(Securable.catalog("dev")));
        // only admins manage the metastore's grants; CREATE CATALOG is not inherited by catalogs
        expect("bob", Action.MANAGE_GRANTS, Securable.metastore(), "MANAGE");
        assertThrows(SqlSyntaxError.class, () -> run("admin", "GRANT CREATE CATALOG ON CATALOG main TO bob"));
        assertThrows(SqlSyntaxError.class, () -> run("admin", "GRANT EXECUTE ON METASTORE TO bob"));

        // a schema needs CREATE SCHEMA on the catalog and USE CATALOG (the catalog's owner holds both)
        expect("alice", Action.CREATE_SCHEMA, MAIN, "CREATE SCHEMA");
        run("admin", "GRANT CREATE SCHEMA ON CATALOG main TO carol");
        expect("carol", Action.CREATE_SCHEMA, MAIN, "USE CATALOG");
        run("admin", "GRANT USE CATALOG ON CATALOG main TO carol");
        run("carol", "CREATE SCHEMA main.carols");
        assertEquals(Optional.of("carol"), gov.authorizer().state().owner(Securable.schema("main.carols")));
        run("bob", "CREATE SCHEMA dev.experiments");
        run("admin", "REVOKE CREATE CATALOG ON METASTORE FROM `data-scientists`");
        assertThrows(PermissionDeniedException.class, () -> run("bob", "CREATE CATALOG dev2"));
    }

    private StatementResult run(String principal, String sql) {
        return gov.execute(principal, sql);
    }

    private Decision expect(String principal, Action action, Securable target, String missing) {
        Decision d = gov.check(principal, action, target);
        if (missing == null) {
            assertTrue(d.allowed(), principal + " " + action + " " + target + ": " + d.message());
            assertNull(d.missing());
        } else {
            assertFalse(d.allowed(), principal + " " + action + " " + target + " should be refused");
            assertEquals(missing, d.missing(), d.message());
        }
        return d;
    }
}
