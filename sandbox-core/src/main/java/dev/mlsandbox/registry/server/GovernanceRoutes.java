package dev.mlsandbox.registry.server;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.governance.Action;
import dev.mlsandbox.governance.Governance;
import dev.mlsandbox.governance.Grant;
import dev.mlsandbox.governance.GrantRow;
import dev.mlsandbox.governance.Privilege;
import dev.mlsandbox.governance.Securable;
import dev.mlsandbox.governance.SecurableType;
import dev.mlsandbox.governance.StatementResult;
import dev.mlsandbox.governance.GrantSqlParser;
import dev.mlsandbox.governance.Statement;
import dev.mlsandbox.http.Request;
import dev.mlsandbox.http.RouteModule;
import dev.mlsandbox.http.RouteTable;
import dev.mlsandbox.store.Database;
import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.MlflowException;

/**
 * Unity Catalog's governance endpoints on the same server and store:
 * <ul>
 *   <li>{@code GET/PATCH /api/2.1/unity-catalog/permissions/<securable_type>/<full_name>}: read and
 *       change grants ({@code {"changes": [{"principal", "add": [...], "remove": [...]}]}});</li>
 *   <li>{@code POST /api/2.1/unity-catalog/catalogs} and {@code .../schemas}: create the containers;</li>
 *   <li>{@code POST /api/2.0/sql/statements {"statement": "GRANT ..."}}: GRANT, REVOKE, SHOW GRANTS,
 *       CREATE CATALOG/SCHEMA, ALTER ... OWNER TO as SQL text (a small stand-in for a SQL warehouse).</li>
 * </ul>
 * They need {@code --auth}: without principals there is nobody to grant to.
 */
public final class GovernanceRoutes implements RouteModule {
    public static final String UC = "/api/2.1/unity-catalog";
    public static final String SQL = "/api/2.0/sql/statements";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Database db;
    private final RequestScope scope;

    public GovernanceRoutes(Database db, RegistryOptions options) {
        this.db = db;
        this.scope = new RequestScope(options);
    }

    @Override
    public void register(RouteTable r) {
        r.get(UC + "/permissions/{securable_type}/{full_name}", scope.handler((p, user) -> {
            Securable s = securable(p);
            return db.read(c -> {
                requireExists(c, s);
                scope.require(c, user, Action.USE, s);
                return assignments(c, s, p.string("principal"));
            });
        }))
                .patch(UC + "/permissions/{securable_type}/{full_name}", scope.handler((p, user) -> {
                    Securable s = securable(p);
                    List<Statement> changes = changes(p.node("changes"), s);
                    return db.write(c -> {
                        Governance g = governance(c);
                        for (Statement st : changes) {
                            g.execute(user, st.toString(), st);
                        }
                        return assignments(c, s, null);
                    });
                }))
                .post(UC + "/catalogs", scope.handler((p, user) -> run(user, "CREATE CATALOG `" + p.required("name") + "`")))
                .post(UC + "/schemas", scope.handler((p, user) -> run(user, "CREATE SCHEMA `" + p.required("catalog_name")
                        + "`.`" + p.required("name") + "`")))
                .post(SQL, scope.handler((p, user) -> {
                    String sql = p.required("statement");
                    Statement parsed = GrantSqlParser.parse(sql);
                    StatementResult result = db.write(c -> governance(c).execute(user, sql, parsed));
                    ObjectNode out = F.objectNode();
                    out.putObject("status").put("state", "SUCCEEDED");
                    out.put("message", result.message());
                    ArrayNode rows = out.putObject("result").putArray("data_array");
                    for (GrantRow row : result.rows()) {
                        rows.addArray().add(row.principal()).add(row.actionType()).add(row.objectType()).add(row.objectKey());
                    }
                    return out;
                }));
    }

    private Object run(String user, String sql) {
        requireAuth();
        StatementResult result = db.write(c -> governance(c).execute(user, sql));
        return F.objectNode().put("message", result.message());
    }

    private Governance governance(Connection c) {
        requireAuth();
        return new Governance(scope.authorizer(c));
    }

    private void requireAuth() {
        if (!scope.authOn()) {
            throw new MlflowException(ErrorCode.INVALID_STATE, "grants need principals: start the server with --auth"
                    + " (an admin and users) to create catalogs and schemas and to grant privileges");
        }
    }

    private static void requireExists(Connection c, Securable s) {
        if (s.type() != SecurableType.METASTORE && !new JdbcGovernanceState(c).exists(s)) {
            throw MlflowException.notFound(s.describe() + " does not exist");
        }
    }

    private static Securable securable(Request p) {
        SecurableType type = SecurableType.fromApiName(p.pathParam("securable_type"));
        // Databricks names the metastore by its id; the sandbox has one metastore, whatever the id says
        return type == SecurableType.METASTORE ? Securable.metastore() : new Securable(type, p.pathParam("full_name"));
    }

    /** {@code {"changes": [{"principal": "bob", "add": ["EXECUTE"], "remove": ["APPLY_TAG"]}]}} as statements. */
    private static List<Statement> changes(JsonNode changes, Securable s) {
        if (changes == null || !changes.isArray()) {
            throw MlflowException.invalid("the body needs \"changes\": [{\"principal\": ..., \"add\": [...], \"remove\": [...]}]");
        }
        List<Statement> out = new ArrayList<>();
        for (JsonNode ch : changes) {
            if (!ch.hasNonNull("principal")) {
                throw MlflowException.invalid("every change needs a \"principal\"");
            }
            String principal = ch.get("principal").asText();
            List<Privilege> add = privileges(ch.get("add"), s);
            List<Privilege> remove = privileges(ch.get("remove"), s);
            if (!add.isEmpty()) {
                out.add(new Statement.Grant(add, s, principal));
            }
            if (!remove.isEmpty()) {
                out.add(new Statement.Revoke(remove, s, principal));
            }
        }
        return out;
    }

    private static List<Privilege> privileges(JsonNode list, Securable s) {
        List<Privilege> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        for (JsonNode n : list) {
            Privilege p = Privilege.parse(n.asText()).orElseThrow(() -> MlflowException.invalid("unknown privilege '"
                    + n.asText() + "': expected one of " + java.util.Arrays.stream(Privilege.values()).map(Privilege::apiName)
                    .collect(java.util.stream.Collectors.joining(", "))));
            if (!p.grantableOn(s.type())) {
                throw MlflowException.invalid("privilege " + p.apiName() + " cannot be granted on a " + s.type().apiName());
            }
            out.add(p);
        }
        return out;
    }

    private static ObjectNode assignments(Connection c, Securable s, String principal) {
        Map<String, List<String>> byPrincipal = new LinkedHashMap<>();
        for (Grant g : new JdbcGovernanceState(c).grantsOn(s)) {
            if (principal == null || principal.equals(g.principal())) {
                byPrincipal.computeIfAbsent(g.principal(), k -> new ArrayList<>()).add(g.privilege().apiName());
            }
        }
        ObjectNode out = F.objectNode();
        ArrayNode a = out.putArray("privilege_assignments");
        byPrincipal.forEach((who, privs) -> {
            ObjectNode n = a.addObject().put("principal", who);
            ArrayNode ps = n.putArray("privileges");
            privs.forEach(ps::add);
        });
        return out;
    }
}
