package dev.mlsandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlsandbox.store.Database;
import dev.mlsandbox.store.StoreUri;
import dev.mlsandbox.tracking.TrackingServer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A server for HttpEngineBenchmark in its own JVM: the tracking module on a SQLite store, plus a
 * serving-like endpoint ({@code POST /serving-endpoints/{name}/invocations}: a small JSON body in,
 * one prediction per row out), on the engine named by the first argument (jdk or javalin).
 * Prints {@code listening <uri>} when ready; runs until killed.
 * Args: engine directory.
 */
public final class EngineMain {
    private EngineMain() {
    }

    public static void main(String[] args) throws Exception {
        String engine = args[0];
        Path dir = Path.of(args[1]);
        Database db = new Database(StoreUri.parse("sqlite:///" + dir.resolve("mlruns.db")), 4);
        ServerModule tracking = TrackingServer.module(dir.resolve("artifacts"), store -> { });
        db.migrate(tracking.migrations());
        RouteTable routes = new RouteTable();
        tracking.register(routes, db);
        routes.post("/serving-endpoints/{name}/invocations", EngineMain::invocations);
        String uri;
        AutoCloseable server;
        if (engine.equals("javalin")) {
            JavalinEngine j = new JavalinEngine("127.0.0.1", 0, routes);
            server = j;
            uri = "http://127.0.0.1:" + j.port();
        } else {
            HttpApp h = new HttpApp("127.0.0.1", 0, routes, 16);
            h.start();
            server = h;
            uri = "http://127.0.0.1:" + h.port();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
            db.close();
            stopped.countDown();
        }));
        System.out.println("listening " + uri);
        System.out.flush();
        stopped.await();
    }

    /** {"dataframe_split": {"columns": [...], "data": [[...], ...]}} -> {"predictions": [score per row]}. */
    static Object invocations(Request req) {
        JsonNode rows = req.params().path("dataframe_split").path("data");
        if (!rows.isArray()) {
            throw MlflowException.invalid("the body needs dataframe_split.data, a list of rows");
        }
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode predictions = out.putArray("predictions");
        for (JsonNode row : rows) {
            double s = 0;
            for (JsonNode v : row) {
                s += v.asDouble();
            }
            predictions.add(1 / (1 + Math.exp(-s)));
        }
        return out;
    }
}
