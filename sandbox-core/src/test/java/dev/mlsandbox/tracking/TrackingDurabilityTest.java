package dev.mlsandbox.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.tracking.MlflowClient;

/** Acknowledged writes survive SIGKILL of the server; concurrent writers lose nothing. */
class TrackingDurabilityTest {

    /** A server in a child JVM: the handle and its URI. */
    record Child(Process process, String uri) {}

    static Child startChild(Path dir) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                TrackingServerMain.class.getName(), "--port", "0", "--backend-store-uri",
                "sqlite:///" + dir.resolve("mlruns.db"), "--artifacts-destination", dir.resolve("art").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        List<String> seen = new ArrayList<>();
        while ((line = out.readLine()) != null) {
            seen.add(line);
            if (line.startsWith("listening ")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // the child died: that is the point of the test
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new Child(p, line.substring("listening ".length()).trim());
            }
        }
        throw new IllegalStateException("child server did not start: " + seen);
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Path dir = Files.createTempDirectory("tracking-crash");
        Child child = startChild(dir);
        MlflowClient client = new MlflowClient(child.uri());
        String exp = client.createExperiment("crash");
        String run = client.createRun(exp).getRunId();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> ackedParams = ConcurrentHashMap.newKeySet();
        AtomicInteger count = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (long step = 0; ; step++) {
                try {
                    if (step % 10 == 0) {
                        client.logBatch(run, List.of(Metric.newBuilder().setKey("loss").setValue(step).setTimestamp(step)
                                .setStep(step).build()), List.of(Param.newBuilder().setKey("p" + step).setValue("v").build()),
                                List.of());
                        ackedParams.add("p" + step);
                    } else {
                        client.logMetric(run, "loss", step, step, step);
                    }
                    acknowledged.add(step);
                    count.incrementAndGet();
                } catch (RuntimeException e) {
                    return; // the server is gone
                }
            }
        });
        writer.start();
        while (count.get() < 300) {
            Thread.sleep(5);
        }
        child.process().destroyForcibly(); // SIGKILL mid-stream
        child.process().waitFor(30, TimeUnit.SECONDS);
        writer.join(60_000);
        client.close();

        Child again = startChild(dir);
        try {
            MlflowClient reader = new MlflowClient(again.uri());
            Set<Long> stored = new HashSet<>();
            reader.getMetricHistory(run, "loss").forEach(m -> stored.add(m.getStep()));
            assertTrue(acknowledged.size() >= 300);
            Set<Long> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertEquals(Set.of(), lost, "acknowledged metric points lost after kill -9");
            Set<String> params = new HashSet<>();
            reader.getRun(run).getData().getParamsList().forEach(p -> params.add(p.getKey()));
            assertTrue(params.containsAll(ackedParams), "acknowledged params lost");
            reader.close();
        } finally {
            again.process().destroy();
            again.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void eightConcurrentWritersLoseNothing() throws Exception {
        try (ServerFixture fx = new ServerFixture()) {
            String exp = fx.client.createExperiment("concurrency");
            String shared = fx.client.createRun(exp).getRunId();
            int writers = 8;
            int perWriter = 150;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<String>> own = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                own.add(pool.submit(() -> {
                    try (MlflowClient c = new MlflowClient(fx.server.uri().toString())) {
                        String run = c.createRun(exp).getRunId();
                        for (int i = 0; i < perWriter; i++) {
                            c.logMetric(run, "m", i, i, i);
                            c.logMetric(shared, "w" + id, i, i, i);
                            if (i % 15 == 0) {
                                c.logParam(run, "p" + i, "v" + i);
                                c.setTag(shared, "t" + id + "-" + i, "x");
                            }
                        }
                        return run;
                    }
                }));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES));
            for (Future<String> f : own) {
                String run = f.get();
                assertEquals(perWriter, fx.client.getMetricHistory(run, "m").size());
                assertEquals(perWriter / 15, fx.client.getRun(run).getData().getParamsCount());
            }
            for (int w = 0; w < writers; w++) {
                assertEquals(perWriter, fx.client.getMetricHistory(shared, "w" + w).size(), "writer " + w);
            }
            long tags = fx.client.getRun(shared).getData().getTagsList().stream().filter(t -> t.getKey().startsWith("t")).count();
            assertEquals(writers * (perWriter / 15), tags);
            assertEquals(writers + 1, fx.client.searchRuns(List.of(exp), "").size());
        }
    }
}
