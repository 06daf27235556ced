package dev.mlsandbox.serving.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import dev.mlsandbox.http.Json;
import dev.mlsandbox.serving.endpoint.EndpointConfig;
import dev.mlsandbox.serving.endpoint.EndpointStore;
import dev.mlsandbox.store.Database;
import dev.mlsandbox.store.Migration;
import dev.mlsandbox.store.Sql;

/** Endpoint definitions in the server's database: one row per endpoint, its config as JSON. */
final class JdbcEndpointStore implements EndpointStore {

    static final String COMPONENT = "serving";

    static List<Migration> migrations() {
        return List.of(new Migration(COMPONENT, 1, "serving endpoints", d -> List.of(
                "CREATE TABLE serving_endpoints (name " + d.varchar(63) + " PRIMARY KEY, id " + d.varchar(64) + " NOT NULL,"
                        + " creator " + d.varchar(255) + ", creation_timestamp " + d.bigint() + " NOT NULL,"
                        + " last_updated_timestamp " + d.bigint() + " NOT NULL, config_version " + d.bigint() + " NOT NULL,"
                        + " config " + d.text() + " NOT NULL)")));
    }

    private final Database db;

    JdbcEndpointStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Saved e) {
        db.write(c -> Sql.update(c, "INSERT INTO serving_endpoints (name, id, creator, creation_timestamp,"
                + " last_updated_timestamp, config_version, config) VALUES (?, ?, ?, ?, ?, ?, ?)", e.name(), e.id(), e.creator(),
                e.creationMillis(), e.updatedMillis(), e.configVersion(), e.config().toJson().toString()));
    }

    @Override
    public void update(Saved e) {
        db.write(c -> Sql.update(c, "UPDATE serving_endpoints SET last_updated_timestamp = ?, config_version = ?, config = ?"
                + " WHERE name = ?", e.updatedMillis(), e.configVersion(), e.config().toJson().toString(), e.name()));
    }

    @Override
    public void delete(String name) {
        db.write(c -> Sql.update(c, "DELETE FROM serving_endpoints WHERE name = ?", name));
    }

    @Override
    public List<Saved> all() {
        return db.read(c -> Sql.query(c, "SELECT name, id, creator, creation_timestamp, last_updated_timestamp, config_version,"
                + " config FROM serving_endpoints ORDER BY name", rs -> {
                    List<Saved> out = new ArrayList<>();
                    while (rs.next()) {
                        EndpointConfig config;
                        try {
                            config = EndpointConfig.parse(Json.mapper().readTree(rs.getString(7)));
                        } catch (IOException e) {
                            throw new UncheckedIOException("the stored config of endpoint " + rs.getString(1) + " is not JSON", e);
                        }
                        out.add(new Saved(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6), config));
                    }
                    return out;
                }));
    }
}
