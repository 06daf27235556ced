package dev.mlsandbox.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.file.Files;

/**
 * The sandbox's route table and dispatcher behind Javalin 7 on Jetty 12 instead of the JDK's
 * server: the same handlers, requests, errors and JSON, so HttpEngineBenchmark compares the
 * engines and nothing else. Lives in the bench module (in the http package, for the dispatcher).
 */
public final class JavalinEngine implements AutoCloseable {
    private final Javalin app;

    public JavalinEngine(String host, int port, RouteTable routes) {
        Dispatcher dispatcher = new Dispatcher(routes);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            for (HandlerType t : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.DELETE,
                    HandlerType.PATCH}) {
                config.routes.addHttpHandler(t, "/<path>", ctx -> forward(dispatcher, ctx));
            }
        }).start(host, port);
    }

    private static void forward(Dispatcher dispatcher, Context ctx) throws Exception {
        Response r = dispatcher.dispatch(ctx.method().name(), ctx.path(), ctx.queryString(), ctx::header, ctx.bodyInputStream());
        ctx.status(r.status());
        r.headers().forEach(ctx::header);
        ctx.contentType(r.contentType());
        ctx.result(r.file() != null ? Files.readAllBytes(r.file()) : r.body() == null ? new byte[0] : r.body());
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
