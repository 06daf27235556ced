package dev.mlsandbox.serving.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.http.Json;
import dev.mlsandbox.registry.model.SparkModelFlavor;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.serving.scorer.FittedPipelines;
import dev.mlsandbox.spark.ChurnData;

/**
 * The two pipeline-lab models saved once as MLflow model directories (version 1: the random
 * forest, version 2: the logistic regression), request bodies, and a small HTTP client.
 */
public final class ServingFixture {

    public static final String MODEL = "main.ml.churn";
    public static final String COLUMNS = "[\"plan\", \"region\", \"tenure_months\", \"monthly_charges\", \"support_calls\"]";

    private ServingFixture() {
    }

    public static Dataset<Row> inputs() {
        return FittedPipelines.training().na().drop().drop(ChurnData.ID, ChurnData.LABEL, "segment");
    }

    /** {@code [forest dir, logistic dir]}, saved once per JVM. */
    public static List<Path> modelDirs() {
        return Saved.DIRS;
    }

    private static final class Saved {
        static final List<Path> DIRS = save();

        private static List<Path> save() {
            try {
                Path root = Files.createTempDirectory("serving-models");
                root.toFile().deleteOnExit();
                Dataset<Row> table = inputs();
                Path forest = root.resolve("forest");
                Path logistic = root.resolve("logistic");
                save(FittedPipelines.studyGuide(), forest, table);
                save(FittedPipelines.featureEngineering(), logistic, table);
                return List.of(forest, logistic);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static void save(PipelineModel model, Path dir, Dataset<Row> table) throws java.io.IOException {
            ModelSignature signature = ModelSignature.infer(table, model.transform(table).select("prediction"));
            SparkModelFlavor.save(model, dir, signature, table.limit(3), "0".repeat(32), "model");
        }
    }

    /** A dataframe_split body of {@code rows} training rows, from {@code from}. */
    public static String split(int from, int rows) {
        StringBuilder data = new StringBuilder();
        List<Object[]> all = FittedPipelines.trainingRows();
        int added = 0;
        for (int i = from; added < rows && i < all.size(); i++) {
            Object[] r = all.get(i);
            // id, plan, region, tenure, charges, calls, ... (ScoringData's layout); skip rows with nulls
            if (r[1] == null || r[2] == null || r[3] == null || r[4] == null || r[5] == null || ((Double) r[4]).isNaN()) {
                continue;
            }
            data.append(added == 0 ? "" : ", ").append("[\"").append(r[1]).append("\", \"").append(r[2]).append("\", ")
                    .append(r[3]).append(", ").append(r[4]).append(", ").append(r[5]).append(']');
            added++;
        }
        return "{\"dataframe_split\": {\"columns\": " + COLUMNS + ", \"data\": [" + data + "]}}";
    }

    /** One reply. */
    public record Reply(int status, String text, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(text);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        public String errorCode() {
            return json().path("error_code").asText();
        }

        public String message() {
            return json().path("message").asText();
        }
    }

    /** A keep-alive client. */
    public static final class Client {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        private final URI base;
        private final String authorization;

        public Client(URI base) {
            this(base, null);
        }

        public Client(URI base, String user) {
            this.base = base;
            this.authorization = user == null ? null : "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-pw").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public Reply send(String method, String path, String body, String contentType) {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(r.statusCode(), r.body(), r.headers());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public Reply json(String method, String path, String body) {
            return send(method, path, body, "application/json");
        }

        public Reply invoke(String endpoint, String body) {
            return json("POST", "/serving-endpoints/" + endpoint + "/invocations", body);
        }

        /** Polls until the endpoint's config update has finished; returns its last GET. */
        public Reply awaitUpdated(String endpoint) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                Reply r = json("GET", "/api/2.0/serving-endpoints/" + endpoint, null);
                if (r.status() != 200 || !"IN_PROGRESS".equals(r.json().path("state").path("config_update").asText())) {
                    return r;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("endpoint " + endpoint + " still updating: " + r.text());
                }
                Thread.sleep(10);
            }
        }
    }
}
