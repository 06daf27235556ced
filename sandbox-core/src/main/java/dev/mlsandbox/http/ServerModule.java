package dev.mlsandbox.http;

import dev.mlsandbox.store.Database;
import dev.mlsandbox.store.Migration;
import java.util.List;

/**
 * What a module brings to the one server: its tables, as numbered migrations of its own
 * component, and its endpoints. The server opens the database, applies every module's pending
 * migrations, then asks each module for its routes with the migrated database in hand. Tracking
 * is one module, the registry another; a new area adds its own and touches neither (see
 * docs/architecture.md, "How to add a module").
 *
 * <pre>{@code
 * public final class HelloModule implements ServerModule {
 *     public List<Migration> migrations() {
 *         return List.of(new Migration("hello", 1, "greetings", d -> List.of(
 *                 "CREATE TABLE greetings (name " + d.varchar(100) + " PRIMARY KEY, count " + d.bigint() + " NOT NULL)")));
 *     }
 *     public void register(RouteTable routes, Database db) {
 *         routes.get("/api/hello/{name}", req -> ...);
 *     }
 * }
 * }</pre>
 */
public interface ServerModule {

    /** The module's schema changes (empty when it keeps no tables). */
    List<Migration> migrations();

    /** Adds the module's endpoints; called once, after every module's migrations are applied. */
    void register(RouteTable routes, Database database);

    /**
     * Called once the server listens, with its address: a module that calls a neighbour's public
     * REST API (serving resolves models through the registry's) or starts background work (serving
     * reloads its endpoints) does it here. Nothing by default.
     */
    default void started(java.net.URI uri) {
    }

    /** Called when the server stops, before the store closes. Nothing by default. */
    default void stopped() {
    }

    /** A module from its two parts. */
    static ServerModule of(List<Migration> migrations, java.util.function.Function<Database, RouteModule> routes) {
        List<Migration> copy = List.copyOf(migrations);
        return new ServerModule() {
            @Override
            public List<Migration> migrations() {
                return copy;
            }

            @Override
            public void register(RouteTable table, Database database) {
                routes.apply(database).register(table);
            }
        };
    }
}
