package dev.mlsandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine: the JDK's built-in HTTP server and a thread pool, moving bytes between sockets and
 * the {@link Dispatcher}. See docs/architecture.md for why this engine (measured against Javalin
 * on Jetty).
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
    private final Dispatcher dispatcher;

    public HttpApp(String host, int port, RouteTable routes, int threads) throws IOException {
        this.dispatcher = new Dispatcher(routes);
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::exchange);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange ex) {
        try {
            Response r = dispatcher.dispatch(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(), Dispatcher.headers(ex.getRequestHeaders()), ex.getRequestBody());
            send(ex, r);
        } catch (IOException | RuntimeException e) {
            // the client went away or headers were already sent: nothing more to tell it
            LOG.log(Level.FINE, "could not send the response", e);
        } finally {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, Response r) throws IOException {
        drain(ex);
        r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        if (r.file() != null) {
            long size = Files.size(r.file());
            ex.sendResponseHeaders(r.status(), size == 0 ? -1 : size);
            try (OutputStream out = ex.getResponseBody()) {
                Files.copy(r.file(), out);
            }
            return;
        }
        byte[] body = r.body() == null ? new byte[0] : r.body();
        ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
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
