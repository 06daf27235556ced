package dev.mlsandbox.bench;

import dev.mlsandbox.http.EngineMain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which engine serves the HTTP layer: the JDK's built-in server or Javalin 7 on Jetty 12, each
 * behind the same route table, dispatcher and handlers (EngineMain), each in its own JVM capped
 * at -Xmx256m. Per engine:
 * (1) serving-like load: 16 concurrent keep-alive clients from another process (wrk, 2 threads)
 *     POSTing a small JSON body to /serving-endpoints/{name}/invocations, requests/s and latency;
 * (2) one keep-alive client (wrk -c1), p50 and p99 latency;
 * (3) bench/ Tracking's plain-HTTP workload: log-batch ingest and search over 2,000 runs;
 * (4) the server's live heap when idle afterwards.
 * Needs wrk (Debian: apt-get install wrk). Args: [seconds=10] [runs=2000] [batches=150].
 */
public final class HttpEngineBenchmark {
    static final String BODY = "{\"dataframe_split\":{\"columns\":[\"a\",\"b\",\"c\"],\"data\":[[0.1,0.2,0.3],[1.0,-2.0,0.5]]}}";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 150;
        Path lua = Files.createTempFile("invocations", ".lua");
        Files.writeString(lua, "wrk.method = \"POST\"\nwrk.body = '" + BODY + "'\nwrk.headers[\"Content-Type\"] = "
                + "\"application/json\"\n");
        System.out.printf("HTTP engines: %d s of wrk per load, search over %d runs, %d log-batch requests%n", seconds, runs,
                batches);
        Map<String, double[]> results = new LinkedHashMap<>();
        for (String engine : List.of("jdk", "javalin")) {
            results.put(engine, measure(engine, lua, seconds, runs, batches));
        }
        String[] names = {"16 clients, requests/s", "16 clients, p50 ms", "16 clients, p99 ms", "1 client, requests/s",
            "1 client, p50 ms", "1 client, p99 ms", "tracking ingest, metrics/s", "tracking search p50 ms",
            "idle live heap MiB"};
        System.out.printf("%n%-30s %14s %14s %10s%n", "measure", "JDK server", "Javalin 7", "Javalin/JDK");
        for (int i = 0; i < names.length; i++) {
            double jdk = results.get("jdk")[i];
            double jav = results.get("javalin")[i];
            System.out.printf("%-30s %14.2f %14.2f %10.2f%n", names[i], jdk, jav, jav / jdk);
        }
        double[] jdk = results.get("jdk");
        System.out.printf("%nserving goals (JDK server): >= 10,000 requests/s with 16 clients: %s; p50 <= 1 ms with one "
                + "client: %s%n", jdk[0] >= 10_000 ? "met" : "NOT met", jdk[4] <= 1 ? "met" : "NOT met");
        double[] jav = results.get("javalin");
        System.out.printf("serving goals (Javalin 7): >= 10,000 requests/s with 16 clients: %s; p50 <= 1 ms with one "
                + "client: %s%n", jav[0] >= 10_000 ? "met" : "NOT met", jav[4] <= 1 ? "met" : "NOT met");
    }

    static double[] measure(String engine, Path lua, int seconds, int runs, int batches) throws Exception {
        Path dir = Files.createTempDirectory("engine-" + engine);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EngineMain.class.getName(), engine, dir.toString()));
        Process server = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String uri = TrackingBenchmark.serverUri(server);
            String url = uri + "/serving-endpoints/churn/invocations";
            wrk(lua, url, 16, 2, 3); // warm-up: JIT on both sides
            double[] many = wrk(lua, url, 16, 2, seconds);
            wrk(lua, url, 1, 1, 2);
            double[] one = wrk(lua, url, 1, 1, seconds);
            PlainClient http = new PlainClient(uri);
            double ingest = http.ingest(batches);
            double[] ms = http.search(http.seed(runs), 50);
            double heap = TrackingBenchmark.idleHeap(server.pid());
            System.out.printf("%-8s 16 clients %,9.0f req/s (p50 %.2f ms, p99 %.2f ms); 1 client %,7.0f req/s (p50 %.3f ms, "
                    + "p99 %.3f ms); ingest %,.0f metrics/s; search p50 %.2f ms; idle heap %.1f MiB%n", engine, many[0],
                    many[1], many[2], one[0], one[1], one[2], ingest, TrackingBenchmark.pct(ms, 50), heap);
            return new double[] {many[0], many[1], many[2], one[0], one[1], one[2], ingest, TrackingBenchmark.pct(ms, 50), heap};
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** wrk's requests/s, p50 and p99 latency in ms. */
    static double[] wrk(Path lua, String url, int connections, int threads, int seconds) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", "-s",
                lua.toString(), url).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        if (!rps.find()) {
            throw new IllegalStateException("cannot read wrk's output:\n" + out);
        }
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException("the server refused requests:\n" + out);
        }
        return new double[] {Double.parseDouble(rps.group(1)), latency(out, "50%"), latency(out, "99%")};
    }

    private static double latency(String wrkOut, String percentile) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(wrkOut);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's output:\n" + wrkOut);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
