package dev.mlsandbox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tracking REST API over plain HTTP from one thread and one keep-alive connection (the JDK's
 * HttpClient on HTTP/1.1). Request bodies are written before the clock starts, so the figures
 * are the server's and the loopback's, not a client library's.
 */
final class PlainClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SEARCH_FILTER = "metrics.rmse < 0.5 AND params.model = 'gbt'";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String api;
    int lastMatches;

    PlainClient(String uri) {
        this.api = uri + "/api/2.0/mlflow";
    }

    JsonNode post(String path, String body) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(r.body());
    }

    String createExperiment(String name) throws Exception {
        return post("/experiments/create", "{\"name\":\"" + name + "\"}").get("experiment_id").asText();
    }

    String createRun(String experimentId) throws Exception {
        return post("/runs/create", "{\"experiment_id\":\"" + experimentId + "\",\"start_time\":1}").get("run").get("info")
                .get("run_id").asText();
    }

    /** log-batch of 1000 metrics (10 keys x 100 steps) per request; metrics/s after 30 warm-up requests. */
    double ingest(int batches) throws Exception {
        String run = createRun(createExperiment("ingest"));
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < batches + 30; b++) {
            StringBuilder sb = new StringBuilder(64_000).append("{\"run_id\":\"").append(run).append("\",\"metrics\":[");
            for (int i = 0; i < 1000; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append("{\"key\":\"m").append(i % 10).append("\",\"value\":").append(i * 0.001).append(",\"timestamp\":")
                        .append(1_700_000_000_000L + b * 1000L + i).append(",\"step\":").append(b * 100L + i / 10).append('}');
            }
            bodies.add(sb.append("]}").toString());
        }
        for (int b = 0; b < 30; b++) {
            post("/runs/log-batch", bodies.get(b));
        }
        long start = System.nanoTime();
        for (int b = 30; b < bodies.size(); b++) {
            post("/runs/log-batch", bodies.get(b));
        }
        return batches * 1000.0 / ((System.nanoTime() - start) / 1e9);
    }

    /** {@code runs} runs: rmse and mae uniform in [0,1), model one of four, depth, a tag. */
    String seed(int runs) throws Exception {
        String exp = createExperiment("search");
        String[] models = {"gbt", "rf", "lr", "svm"};
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < runs; i++) {
            String run = createRun(exp);
            post("/runs/log-batch", "{\"run_id\":\"" + run + "\",\"metrics\":[{\"key\":\"rmse\",\"value\":" + r.nextDouble()
                    + ",\"timestamp\":1,\"step\":0},{\"key\":\"mae\",\"value\":" + r.nextDouble() + ",\"timestamp\":1,\"step\":0}],"
                    + "\"params\":[{\"key\":\"model\",\"value\":\"" + models[i % 4] + "\"},{\"key\":\"depth\",\"value\":\"" + (i % 10)
                    + "\"}],\"tags\":[{\"key\":\"team\",\"value\":\"t" + (i % 3) + "\"}]}");
        }
        return exp;
    }

    /** Latencies in ms of {@code queries} searches (after 50 warm-up ones), the whole answer read and parsed. */
    double[] search(String experimentId, int queries) throws Exception {
        String body = "{\"experiment_ids\":[\"" + experimentId + "\"],\"filter\":\"" + SEARCH_FILTER
                + "\",\"run_view_type\":\"ACTIVE_ONLY\",\"max_results\":1000}";
        for (int i = 0; i < 50; i++) {
            post("/runs/search", body);
        }
        double[] ms = new double[queries];
        for (int i = 0; i < queries; i++) {
            long start = System.nanoTime();
            JsonNode page = post("/runs/search", body);
            ms[i] = (System.nanoTime() - start) / 1e6;
            lastMatches = page.path("runs").size();
        }
        return ms;
    }
}
