package dev.mlsandbox.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;

import dev.mlsandbox.tracking.TrackingServerMain;

/**
 * Tracking server speed with the real MLflow Java client over loopback, the server in its own
 * JVM capped at -Xmx256m:
 * (1) log-batch ingest in metrics/s against the raw SQLite insert rate of the same rows with the
 * same schema, pragmas and commit size, measured in this run (the ceiling);
 * (2) search over 10,000 runs with a metric and a param filter, p50 latency;
 * (3) the server's live heap when idle after the workload (jcmd GC.heap_info after GC.run).
 * Args: [runs=10000] [batches=300] [threads=2].
 */
public final class TrackingBenchmark {
    /** Issue 14's figures for the plain-HTTP workload before the shared layers were reworked. */
    static final double BASELINE_INGEST = 55_000;
    static final double BASELINE_SEARCH_P50_MS = 13.5;

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 && !args[0].matches("\\d+") ? args[0] : "http";
        String[] rest = args.length > 0 && !args[0].matches("\\d+") ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (mode) {
            case "http" -> plainHttp(rest);
            case "client" -> mlflowClient(rest);
            default -> throw new IllegalArgumentException("mode " + mode + " is not http or client");
        }
    }

    /**
     * One client over plain HTTP (JDK HttpClient, one keep-alive connection, bodies written
     * before the clock starts): what the server itself sustains. Args: [runs=2000] [batches=300].
     */
    static void plainHttp(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path dir = Files.createTempDirectory("tracking-bench");
        System.out.printf("tracking benchmark (plain HTTP, one client): %d log-batch requests x 1000 metrics, search over %d "
                + "runs%n", batches, runs);
        double rawRate = rawSqliteRate(dir.resolve("raw.db"), batches);
        System.out.printf("%-44s %,12.0f rows/s%n", "raw SQLite insert (JDBC, batches of 1000)", rawRate);
        Process server = startServer(dir);
        try {
            String uri = serverUri(server);
            PlainClient http = new PlainClient(uri);
            long cpu0 = cpuNanos(server);
            double ingest = http.ingest(batches);
            double serverCpu = (cpuNanos(server) - cpu0) / 1e6 / (batches + 30);
            System.out.printf("%-44s %,12.0f metrics/s; server CPU %.1f ms per 1000 metrics%n",
                    "log-batch ingest, 1000 metrics per request", ingest, serverCpu);
            System.out.printf("%-44s %8.2fx of %,.0f before; %5.1f %% of the raw ceiling; goal >= 100,000: %s%n",
                    "  ratio", ingest / BASELINE_INGEST, BASELINE_INGEST, 100 * ingest / rawRate, ingest >= 100_000 ? "met" : "NOT met");
            String exp = http.seed(runs);
            double[] ms = http.search(exp, 100);
            double p50 = pct(ms, 50);
            System.out.printf("%-44s p50 %6.2f ms  p90 %6.2f ms  (%d queries, %d runs match)%n",
                    "search " + runs + " runs, metric + param filter", p50, pct(ms, 90), ms.length, http.lastMatches);
            System.out.printf("%-44s %8.2fx of %.1f ms before; goal p50 <= 10 ms: %s%n", "  ratio", p50 / BASELINE_SEARCH_P50_MS,
                    BASELINE_SEARCH_P50_MS, p50 <= 10 ? "met" : "NOT met");
            double heap = idleHeap(server.pid());
            System.out.printf("%-44s %8.1f MiB (JVM capped at -Xmx256m); goal < 256 MiB: %s%n",
                    "server live heap, idle after workload", heap, heap < 256 ? "met" : "NOT met");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The server in its own JVM capped at -Xmx256m; TRACKING_SERVER_OPTS adds JVM flags. */
    static Process startServer(Path dir) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx256m"));
        // e.g. TRACKING_SERVER_OPTS=-XX:StartFlightRecording=filename=server.jfr to profile the server
        String extra = System.getenv("TRACKING_SERVER_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TrackingServerMain.class.getName(), "--port", "0",
                "--backend-store-uri", "sqlite:///" + dir.resolve("mlruns.db"), "--artifacts-destination",
                dir.resolve("art").toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    static String serverUri(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith("listening ")) {
            line = out.readLine();
        }
        if (line == null) {
            throw new IllegalStateException("server did not start");
        }
        // keep draining the server's output so it never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (java.io.IOException ignored) {
                // the server went away
            }
        });
        drain.setDaemon(true);
        drain.start();
        return line.substring("listening ".length()).trim();
    }

    /** The MLflow Java client, as before issue 14. Args: [runs=10000] [batches=300] [threads=2]. */
    static void mlflowClient(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("tracking-bench");
        System.out.printf("tracking benchmark: %d runs for search, %d log-batch requests x 1000 metrics, %d client threads%n",
                runs, batches, threads);

        double rawRate = rawSqliteRate(dir.resolve("raw.db"), batches);
        System.out.printf("%-44s %,12.0f rows/s%n", "raw SQLite insert (JDBC, batches of 1000)", rawRate);

        Process server = startServer(dir);
        String uri = serverUri(server);
        try {
            long serverCpu0 = cpuNanos(server);
            long clientCpu0 = clientCpuNanos();
            double ingest = ingest(uri, batches, threads);
            double serverCpu = (cpuNanos(server) - serverCpu0) / 1e6 / (batches + 20);
            double clientCpu = (clientCpuNanos() - clientCpu0) / 1e6 / (batches + 20);
            System.out.printf("%-44s %,12.0f metrics/s%n", "server log-batch ingest (MlflowClient)", ingest);
            System.out.printf("%-44s server %5.1f ms, client %5.1f ms (2 cores shared)%n", "  CPU per 1000-metric request", serverCpu,
                    clientCpu);
            System.out.printf("%-44s %8.1f %% of the raw ceiling; goal >= 50,000 metrics/s: %s%n", "server / raw SQLite",
                    100 * ingest / rawRate, ingest >= 50_000 ? "met" : "NOT met");

            String exp = seed(uri, runs, threads);
            long sCpu0 = cpuNanos(server);
            long cCpu0 = clientCpuNanos();
            double[] latency = search(uri, exp, 1000);
            System.out.printf("%-44s server %5.1f ms, client %5.1f ms%n", "  CPU per 1000-run search (MlflowClient)",
                    (cpuNanos(server) - sCpu0) / 1e6 / 35, (clientCpuNanos() - cCpu0) / 1e6 / 35);
            double[] small = search(uri, exp, 100);
            System.out.printf("%-44s p50 %6.1f ms  p90 %6.1f ms  (%d queries)%n",
                    "search 10k runs, max_results=1000", pct(latency, 50), pct(latency, 90), latency.length);
            System.out.printf("%-44s p50 %6.1f ms  p90 %6.1f ms  (%d queries)%n",
                    "search 10k runs, max_results=100", pct(small, 50), pct(small, 90), small.length);
            double[] raw = rawHttpSearch(uri, exp, 1000);
            System.out.printf("%-44s p50 %6.1f ms  p90 %6.1f ms  (server + transfer, no parsing)%n",
                    "  same, max_results=1000, plain HTTP", pct(raw, 50), pct(raw, 90));
            double heap = idleHeap(server.pid());
            System.out.printf("%-44s %8.1f MiB (JVM capped at -Xmx256m); goal < 256 MiB: %s%n",
                    "server live heap, idle after workload", heap, heap < 256 ? "met" : "NOT met");
            System.out.printf("%-44s %s%n", "search p50 goal <= 100 ms (max_results=1000)", pct(latency, 50) <= 100 ? "met" : "NOT met");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The ceiling: the same rows (32-character run ids like the server's), schema and pragmas,
     * straight through JDBC, one commit per 1000 rows.
     */
    static double rawSqliteRate(Path file, int batches) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("CREATE TABLE metrics (run_uuid VARCHAR(32) NOT NULL, key VARCHAR(250) NOT NULL, value REAL NOT NULL, "
                        + "is_nan INTEGER NOT NULL, timestamp INTEGER NOT NULL, step INTEGER NOT NULL)");
                s.execute("CREATE INDEX metrics_by_run_key ON metrics (run_uuid, key, step)");
            }
            c.setAutoCommit(false);
            // run ids shaped like the server's (32 hex characters), two runs like the ingest phase
            String[] runIds = {"5f0c6a1e9b2d4c7f8a3e1d0b6c9f2a4e", "a7d3e9c1f04b4b8e9d2c6a5f1e3b7c0d"};
            long start = System.nanoTime();
            long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metrics VALUES (?, ?, ?, 0, ?, ?)")) {
                for (int b = 0; b < batches; b++) {
                    for (int i = 0; i < 1000; i++) {
                        ps.setString(1, runIds[b % runIds.length]);
                        ps.setString(2, "m" + (i % 10));
                        ps.setDouble(3, i * 0.001);
                        ps.setLong(4, b * 1000L + i);
                        ps.setLong(5, b * 100L + i / 10);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                }
            }
            double cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e6;
            System.out.printf("%-44s %5.1f ms CPU per 1000 rows%n", "  raw SQLite insert", cpu / batches);
            return batches * 1000.0 / ((System.nanoTime() - start) / 1e9);
        }
    }

    static double ingest(String uri, int batches, int threads) throws Exception {
        try (MlflowClient setup = new MlflowClient(uri)) {
            String exp = setup.createExperiment("ingest");
            List<String> runIds = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runIds.add(setup.createRun(exp).getRunId());
            }
            // warm-up: JIT and connection setup on both sides
            runBatches(uri, runIds, 20, threads, 0);
            long start = System.nanoTime();
            runBatches(uri, runIds, batches, threads, 1_000_000);
            return batches * 1000.0 / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void runBatches(String uri, List<String> runIds, int batches, int threads, long stepBase) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            fs.add(pool.submit(() -> {
                try (MlflowClient c = new MlflowClient(uri)) {
                    for (int b = id; b < batches; b += threads) {
                        List<Metric> ms = new ArrayList<>(1000);
                        for (int i = 0; i < 1000; i++) {
                            ms.add(Metric.newBuilder().setKey("m" + (i % 10)).setValue(i * 0.001).setTimestamp(b * 1000L + i)
                                    .setStep(stepBase + b * 100L + i / 10).build());
                        }
                        c.logBatch(runIds.get(id), ms, List.of(), List.of());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
    }

    /** 10,000 runs: rmse uniform in [0,1), model one of four, a tag. */
    static String seed(String uri, int runs, int threads) throws Exception {
        String exp;
        try (MlflowClient c = new MlflowClient(uri)) {
            exp = c.createExperiment("search");
        }
        String[] models = {"gbt", "rf", "lr", "svm"};
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads * 2);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads * 2; t++) {
            int id = t;
            int n = threads * 2;
            fs.add(pool.submit(() -> {
                SplittableRandom r = new SplittableRandom(42 + id);
                try (MlflowClient c = new MlflowClient(uri)) {
                    for (int i = id; i < runs; i += n) {
                        String run = c.createRun(exp).getRunId();
                        c.logBatch(run, List.of(Metric.newBuilder().setKey("rmse").setValue(r.nextDouble()).setTimestamp(1)
                                .setStep(0).build(), Metric.newBuilder().setKey("mae").setValue(r.nextDouble()).setTimestamp(1)
                                .setStep(0).build()),
                                List.of(Param.newBuilder().setKey("model").setValue(models[i % 4]).build(),
                                        Param.newBuilder().setKey("depth").setValue(Integer.toString(i % 10)).build()),
                                List.of(RunTag.newBuilder().setKey("team").setValue("t" + (i % 3)).build()));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("%-44s %8.1f s%n", "seeded " + runs + " runs via the client", (System.nanoTime() - start) / 1e9);
        return exp;
    }

    static double[] search(String uri, String exp, int maxResults) {
        try (MlflowClient c = new MlflowClient(uri)) {
            String filter = "metrics.rmse < 0.5 AND params.model = 'gbt'";
            for (int i = 0; i < 5; i++) {
                c.searchRuns(List.of(exp), filter, ViewType.ACTIVE_ONLY, maxResults);
            }
            double[] ms = new double[30];
            int matched = 0;
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                matched = c.searchRuns(List.of(exp), filter, ViewType.ACTIVE_ONLY, maxResults).getItems().size();
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            System.out.printf("  filter \"%s\": %d runs on the first page%n", filter, matched);
            return ms;
        }
    }

    /**
     * The same search over plain HTTP, the body read and dropped: the server's time plus the
     * transfer, without the MLflow client's protobuf parsing. The difference to {@link #search}
     * is what the client spends turning the answer into objects.
     */
    static double[] rawHttpSearch(String uri, String exp, int maxResults) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String body = "{\"experiment_ids\":[\"" + exp + "\"],\"filter\":\"metrics.rmse < 0.5 AND params.model = 'gbt'\","
                + "\"run_view_type\":\"ACTIVE_ONLY\",\"max_results\":" + maxResults + "}";
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(uri + "/api/2.0/mlflow/runs/search"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        long bytes = 0;
        for (int i = 0; i < 5; i++) {
            bytes = http.send(req, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
        double[] ms = new double[30];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            var resp = http.send(req, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - start) / 1e6;
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("search answered " + resp.statusCode() + ": " + new String(resp.body(),
                        StandardCharsets.UTF_8));
            }
        }
        System.out.printf("  response body %,d bytes for %d runs%n", bytes, maxResults);
        return ms;
    }

    private static long cpuNanos(Process p) {
        return p.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double pct(double[] xs, int p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    /** Live heap of the server process after a full GC, from jcmd. */
    static double idleHeap(long pid) throws Exception {
        Thread.sleep(1000);
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        // "garbage-first heap   total 262144K, used 41234K"
        var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("cannot read heap from jcmd: " + info);
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return s;
    }
}
