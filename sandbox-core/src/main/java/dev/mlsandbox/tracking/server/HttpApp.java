package dev.mlsandbox.tracking.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mlsandbox.tracking.store.ErrorCode;
import dev.mlsandbox.tracking.store.MlflowException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JDK's built-in HTTP server, a thread pool, and one dispatcher over a {@link RouteTable}.
 * It turns handler results into JSON and exceptions into MLflow error bodies: a client mistake
 * is a 4xx with {@code {"error_code","message"}}, only a fault of ours is a 500 — and even then
 * the message is a sentence, never a stack trace.
 */
public final class HttpApp implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HttpApp.class.getName());

    static {
        // Small JSON answers otherwise wait on Nagle's algorithm; read once, when the JDK's server
        // configuration class loads, so it is set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final RouteTable routes;
    private final ObjectMapper json;

    public HttpApp(String host, int port, RouteTable routes, ObjectMapper json, int threads) throws IOException {
        this.routes = routes;
        this.json = json;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "tracking-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::dispatch);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange ex) {
        try {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            RouteTable.Match match = routes.match(method, path);
            if (match == null) {
                var allowed = routes.methodsFor(path);
                if (allowed.isEmpty()) {
                    sendError(ex, 404, ErrorCode.ENDPOINT_NOT_FOUND, "No endpoint " + method + " " + path
                            + "; the MLflow REST API lives under /api/2.0/mlflow/");
                } else {
                    ex.getResponseHeaders().set("Allow", String.join(", ", allowed));
                    sendError(ex, 405, ErrorCode.BAD_REQUEST, "Method " + method + " is not allowed on " + path + "; use "
                            + String.join(" or ", allowed));
                }
                return;
            }
            String rest = match.rest() == null ? null : URLDecoder.decode(match.rest().replace("+", "%2B"), StandardCharsets.UTF_8);
            Object result = match.handler().handle(new Request(ex, json, rest));
            send(ex, result);
        } catch (MlflowException e) {
            sendError(ex, e.code().httpStatus(), e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            // e.g. malformed percent-encoding in the path
            sendError(ex, 400, ErrorCode.MALFORMED_REQUEST, "Malformed request: " + e.getMessage());
        } catch (Exception | Error e) {
            LOG.log(Level.WARNING, "internal error on " + ex.getRequestMethod() + " " + ex.getRequestURI(), e);
            sendError(ex, 500, ErrorCode.INTERNAL_ERROR, "Internal error while handling " + ex.getRequestMethod() + " "
                    + ex.getRequestURI().getPath() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + ". The request was rolled back.");
        } finally {
            ex.close();
        }
    }

    private void send(HttpExchange ex, Object result) throws IOException {
        drain(ex);
        if (result instanceof Response r) {
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            if (r.file() != null) {
                long size = Files.size(r.file());
                ex.sendResponseHeaders(r.status(), size == 0 ? -1 : size);
                try (OutputStream out = ex.getResponseBody()) {
                    Files.copy(r.file(), out);
                }
            } else {
                byte[] body = r.body() == null ? new byte[0] : r.body();
                ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
            return;
        }
        byte[] body = json.writeValueAsBytes(result == null ? json.createObjectNode() : result);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void sendError(HttpExchange ex, int status, ErrorCode code, String message) {
        try {
            drain(ex);
            ObjectNode body = json.createObjectNode().put("error_code", code.name()).put("message", message);
            byte[] bytes = json.writeValueAsBytes(body);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or headers were already sent: nothing more to tell it
            LOG.log(Level.FINE, "could not send error response", e);
        }
    }

    /** Reads what the handler left of the body so the connection can be reused. */
    private static void drain(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // a broken body only matters to the handler that needed it
        }
    }

    /** Stops accepting, lets in-flight requests finish (up to {@code graceSeconds}), stops the pool. */
    public void stop(int graceSeconds) {
        server.stop(graceSeconds);
        pool.shutdown();
        try {
            pool.awaitTermination(graceSeconds + 1L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(1);
    }
}
