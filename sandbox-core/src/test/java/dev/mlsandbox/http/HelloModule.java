package dev.mlsandbox.http;

import dev.mlsandbox.store.Database;
import dev.mlsandbox.store.Migration;
import dev.mlsandbox.store.Sql;
import java.util.List;

/**
 * The module of docs/architecture.md ("How to add a module"), compiled and served by
 * ServerModuleTest: one table of its own, two endpoints with a path parameter, one transaction
 * per request, and a client's mistake answered as a 400 naming the input.
 */
public final class HelloModule implements ServerModule {
    public static final String COMPONENT = "hello";

    @Override
    public List<Migration> migrations() {
        // numbered per component; append a migration to change the table, never edit a shipped one
        return List.of(new Migration(COMPONENT, 1, "greeting counts", d -> List.of(
                "CREATE TABLE greetings (name " + d.varchar(100) + " PRIMARY KEY, count " + d.bigint() + " NOT NULL)")));
    }

    @Override
    public void register(RouteTable routes, Database db) {
        routes.post("/api/hello/{name}", req -> {
            String name = req.pathParam("name");
            if (name.length() > 100) {
                throw MlflowException.invalid("Invalid name '" + name.substring(0, 20) + "...': at most 100 characters");
            }
            long count = db.write(c -> {
                Sql.update(c, "INSERT INTO greetings (name, count) VALUES (?, 1) ON CONFLICT (name) DO UPDATE "
                        + "SET count = greetings.count + 1", name);
                return Sql.query(c, "SELECT count FROM greetings WHERE name = ?", rs -> rs.next() ? rs.getLong(1) : 0L, name);
            });
            return Json.mapper().createObjectNode().put("greeting", "hello " + name).put("count", count);
        }).get("/api/hello/{name}", req -> {
            String name = req.pathParam("name");
            Long count = db.read(c -> Sql.query(c, "SELECT count FROM greetings WHERE name = ?",
                    rs -> rs.next() ? rs.getLong(1) : null, name));
            if (count == null) {
                throw MlflowException.notFound("Nobody greeted '" + name + "' yet; POST /api/hello/" + name + " first");
            }
            return Json.mapper().createObjectNode().put("count", count);
        });
    }
}
