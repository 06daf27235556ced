package dev.mlsandbox.tracking;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A plain main for a server in its own JVM (crash tests, benchmarks, scripts): the same flags as
 * {@code bin/sandbox server}. Prints {@code listening <uri>} once ready and runs until killed;
 * a normal termination (Ctrl-C, SIGTERM) closes the store cleanly.
 */
public final class TrackingServerMain {
    private TrackingServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        TrackingServer.Builder b = TrackingServer.builder();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String v = args[++i];
            switch (flag) {
                case "--host" -> b.host(v);
                case "--port" -> b.port(Integer.parseInt(v));
                case "--backend-store-uri" -> b.backendStoreUri(v);
                case "--artifacts-destination" -> b.artifactsDestination(Path.of(v));
                default -> throw new IllegalArgumentException("unknown flag " + flag
                        + "; use --host, --port, --backend-store-uri, --artifacts-destination");
            }
        }
        TrackingServer server = b.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "tracking-shutdown"));
        System.out.println("listening " + server.uri());
        System.out.flush();
        stopped.await();
    }
}
