package dev.mlsandbox.serving.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import dev.mlsandbox.http.HttpApp;
import dev.mlsandbox.http.Response;
import dev.mlsandbox.http.RouteTable;
import dev.mlsandbox.registry.model.MlmodelFile;
import dev.mlsandbox.serving.protocol.ServingModel;

/**
 * One model behind MLflow's scoring server routes, as {@code mlflow models serve -m <uri>} runs
 * it: {@code POST /invocations}, {@code GET /ping}, {@code GET /health}, {@code GET /version}. No
 * database, no registry calls after start: the model is loaded once.
 *
 * <pre>{@code
 * try (ModelServer s = ModelServer.start("127.0.0.1", 0, ServingModel.load(dir))) {
 *     // POST s.uri() + "/invocations" {"dataframe_split": {...}}
 * }
 * }</pre>
 */
public final class ModelServer implements AutoCloseable {

    private final HttpApp app;
    private final String host;

    private ModelServer(HttpApp app, String host) {
        this.app = app;
        this.host = host;
    }

    /** Binds {@code host:port} (0 picks a free port) with 16 request threads and serves the model. */
    public static ModelServer start(String host, int port, ServingModel model) {
        return start(host, port, model, 16);
    }

    public static ModelServer start(String host, int port, ServingModel model, int threads) {
        Objects.requireNonNull(model, "model");
        RouteTable routes = new RouteTable()
                .post("/invocations", req -> Response.json(model.invoke(new String(req.bodyBytes(), StandardCharsets.UTF_8),
                        req.header("Content-Type")).body().getBytes(StandardCharsets.UTF_8)))
                .get("/ping", req -> Response.text(200, "\n"))
                .get("/health", req -> Response.text(200, "\n"))
                .get("/version", req -> Response.text(200, MlmodelFile.MLFLOW_VERSION));
        try {
            HttpApp app = new HttpApp(host, port, routes, threads);
            app.start();
            return new ModelServer(app, host);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); pick another --port or stop whatever uses it", e);
        }
    }

    /** {@code http://host:port}. */
    public URI uri() {
        String h = host.equals("0.0.0.0") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + app.port());
    }

    @Override
    public void close() {
        app.stop(1);
    }
}
