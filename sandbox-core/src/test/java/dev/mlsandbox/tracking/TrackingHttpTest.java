package dev.mlsandbox.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.mlsandbox.testing.StoreBackend;

/** What the Java client does not cover, over plain HTTP: error shapes, paging fields, artifacts. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class TrackingHttpTest {
    @Parameter
    StoreBackend backend;

    static ServerFixture fx;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeParameterizedClassInvocation
    static void start(StoreBackend backend) throws Exception {
        fx = new ServerFixture(backend);
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        // fx is null when the back end was skipped
        if (fx != null) {
            fx.close();
            fx = null;
        }
    }

    static JsonNode json(ServerFixture.Reply r) throws Exception {
        return JSON.readTree(r.body());
    }

    static void assertError(ServerFixture.Reply r, int status, String code) throws Exception {
        assertEquals(status, r.status(), r.body());
        JsonNode body = json(r);
        assertEquals(code, body.path("error_code").asText(), r.body());
        assertFalse(body.path("message").asText().isBlank());
        assertFalse(body.path("message").asText().contains("\tat "), "no stack traces in messages");
    }

    @Test
    void healthAndUnknownEndpoints() throws Exception {
        assertEquals(200, fx.get("/health").status());
        assertError(fx.get("/api/2.0/mlflow/nope"), 404, "ENDPOINT_NOT_FOUND");
        assertEquals(405, fx.get("/api/2.0/mlflow/runs/create").status());
    }

    @Test
    void clientMistakesAre4xx() throws Exception {
        assertError(fx.post("/api/2.0/mlflow/experiments/create", "{not json"), 400, "MALFORMED_REQUEST");
        assertError(fx.post("/api/2.0/mlflow/experiments/create", "[1,2]"), 400, "MALFORMED_REQUEST");
        assertError(fx.post("/api/2.0/mlflow/experiments/create", "{}"), 400, "INVALID_PARAMETER_VALUE");
        assertError(fx.post("/api/2.0/mlflow/experiments/create", "{\"name\": {\"a\": 1}}"), 400, "INVALID_PARAMETER_VALUE");
        assertError(fx.get("/api/2.0/mlflow/runs/get?run_id=abcdef"), 404, "RESOURCE_DOES_NOT_EXIST");
        assertError(fx.get("/api/2.0/mlflow/runs/get?run_id=..%2F..%2Fetc"), 400, "INVALID_PARAMETER_VALUE");
        assertError(fx.get("/api/2.0/mlflow/experiments/get?experiment_id=42"), 404, "RESOURCE_DOES_NOT_EXIST");
        assertError(fx.post("/api/2.0/mlflow/runs/search", "{\"experiment_ids\":[\"0\"],\"max_results\":\"lots\"}"), 400,
                "INVALID_PARAMETER_VALUE");
        assertError(fx.post("/api/2.0/mlflow/runs/search", "{\"experiment_ids\":[\"0\"],\"page_token\":\"garbage\"}"), 400,
                "INVALID_PARAMETER_VALUE");
        String run = json(fx.post("/api/2.0/mlflow/runs/create", "{\"experiment_id\":\"0\"}")).path("run").path("info")
                .path("run_id").asText();
        assertError(fx.post("/api/2.0/mlflow/runs/log-metric", "{\"run_id\":\"" + run + "\",\"key\":\"m\",\"value\":\"abc\","
                + "\"timestamp\":1}"), 400, "INVALID_PARAMETER_VALUE");
        assertError(fx.post("/api/2.0/mlflow/runs/log-metric", "{\"run_id\":\"" + run + "\",\"key\":\"m\",\"value\":1}"), 400,
                "INVALID_PARAMETER_VALUE");
        assertError(fx.post("/api/2.0/mlflow/runs/update", "{\"run_id\":\"" + run + "\",\"status\":\"EXPLODED\"}"), 400,
                "INVALID_PARAMETER_VALUE");
    }

    @Test
    void logBatchBodyIsCheckedLikeEveryOtherBody() throws Exception {
        String run = json(fx.post("/api/2.0/mlflow/runs/create", "{\"experiment_id\":\"0\"}")).path("run").path("info")
                .path("run_id").asText();
        String batch = "/api/2.0/mlflow/runs/log-batch";
        assertError(fx.post(batch, "{\"run_id\":\"" + run + "\",\"metrics\":[{\"key\":\"m\""), 400, "MALFORMED_REQUEST");
        assertError(fx.post(batch, "[]"), 400, "MALFORMED_REQUEST");
        assertError(fx.post(batch, ""), 400, "INVALID_PARAMETER_VALUE");
        assertError(fx.post(batch, "{\"run_id\":\"" + run + "\",\"metrics\":{}}"), 400, "INVALID_PARAMETER_VALUE");
        assertError(fx.post(batch, "{\"run_id\":\"" + run + "\",\"metrics\":[1]}"), 400, "INVALID_PARAMETER_VALUE");
        assertError(fx.post(batch, "{\"run_id\":\"" + run + "\",\"metrics\":[{\"key\":\"m\",\"value\":1,\"timestamp\":\"soon\"}]}"),
                400, "INVALID_PARAMETER_VALUE");
        assertError(fx.post(batch, "{\"run_id\":\"" + run + "\",\"metrics\":[{\"key\":\"m\",\"value\":1}]}"), 400,
                "INVALID_PARAMETER_VALUE");
        assertError(fx.post(batch, "{\"run_id\":\"" + run + "\",\"params\":[{\"key\":{\"x\":1},\"value\":\"v\"}]}"), 400,
                "INVALID_PARAMETER_VALUE");
        // refused batches wrote nothing
        assertTrue(json(fx.get("/api/2.0/mlflow/runs/get?run_id=" + run)).path("run").path("data").path("metrics").isMissingNode());
        // protobuf's forms: int64 as strings, NaN as a string, the deprecated run_uuid, unknown fields ignored
        assertEquals(200, fx.post(batch, "{\"run_uuid\":\"" + run + "\",\"extra\":{\"a\":[1,2]},\"metrics\":[{\"key\":\"m\","
                + "\"value\":\"NaN\",\"timestamp\":\"7\",\"step\":\"3\"},{\"key\":\"m\",\"value\":2.5,\"timestamp\":8,\"step\":3}],"
                + "\"params\":[{\"key\":\"p\",\"value\":5}],\"tags\":[{\"key\":\"t\",\"value\":\"x\"}]}").status());
        JsonNode data = json(fx.get("/api/2.0/mlflow/runs/get?run_id=" + run)).path("run").path("data");
        assertEquals(2.5, data.path("metrics").get(0).path("value").asDouble());
        assertEquals(3, data.path("metrics").get(0).path("step").asLong());
        assertEquals("5", data.path("params").get(0).path("value").asText());
        JsonNode history = json(fx.get("/api/2.0/mlflow/metrics/get-history?run_id=" + run + "&metric_key=m")).path("metrics");
        assertEquals(2, history.size());
        assertEquals("NaN", history.get(0).path("value").asText());
    }

    @Test
    void protoJsonConventions() throws Exception {
        String run = json(fx.post("/api/2.0/mlflow/runs/create", "{\"experiment_id\":\"0\",\"start_time\":\"123\"}"))
                .path("run").path("info").path("run_id").asText();
        // int64 as strings and NaN as a string, the way protobuf's JSON printer sends them
        assertEquals(200, fx.post("/api/2.0/mlflow/runs/log-metric", "{\"run_id\":\"" + run
                + "\",\"key\":\"m\",\"value\":\"NaN\",\"timestamp\":\"5\",\"step\":\"2\"}").status());
        JsonNode got = json(fx.get("/api/2.0/mlflow/runs/get?run_id=" + run)).path("run");
        assertEquals(123, got.path("info").path("start_time").asLong());
        assertEquals("NaN", got.path("data").path("metrics").get(0).path("value").asText());
        JsonNode empty = json(fx.post("/api/2.0/mlflow/runs/search", "{\"experiment_ids\":[\"0\"],\"filter\":\"tags.x = 'none'\"}"));
        assertFalse(empty.has("next_page_token"), "no next_page_token on the last page");
        JsonNode getSearch = json(fx.get("/api/2.0/mlflow/experiments/search?max_results=1"));
        assertEquals(1, getSearch.path("experiments").size());
        JsonNode history = json(fx.get("/api/2.0/mlflow/metrics/get-history?run_id=" + run + "&metric_key=m&max_results=1"));
        assertEquals(1, history.path("metrics").size());
    }

    @Test
    void artifactProxyAndTraversal() throws Exception {
        String base = "/api/2.0/mlflow-artifacts/artifacts/";
        byte[] content = "hello artifacts".getBytes(StandardCharsets.UTF_8);
        assertEquals(200, fx.send("PUT", base + "0/r1/artifacts/model/weights.txt", content).status());
        assertEquals(200, fx.send("PUT", base + "0/r1/artifacts/report.html", content).status());
        ServerFixture.Reply got = fx.get(base + "0/r1/artifacts/model/weights.txt");
        assertEquals(200, got.status());
        assertEquals("hello artifacts", got.body());
        JsonNode list = json(fx.get("/api/2.0/mlflow-artifacts/artifacts?path=0/r1/artifacts"));
        assertEquals("model", list.path("files").get(0).path("path").asText());
        assertTrue(list.path("files").get(0).path("is_dir").asBoolean());
        assertEquals(content.length, list.path("files").get(1).path("file_size").asLong());
        assertError(fx.get(base + "0/r1/artifacts/missing.txt"), 404, "RESOURCE_DOES_NOT_EXIST");

        for (String evil : new String[] {"..%2F..%2Fsecret", "0/..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd",
                "a%5C..%5C..%5Cx"}) {
            ServerFixture.Reply r = fx.send("PUT", base + evil, content);
            assertError(r, 400, "INVALID_PARAMETER_VALUE");
            assertError(fx.get(base + evil), 400, "INVALID_PARAMETER_VALUE");
        }
        assertFalse(java.nio.file.Files.exists(fx.dir.resolve("secret")));
        assertError(fx.get("/api/2.0/mlflow-artifacts/artifacts?path=../.."), 400, "INVALID_PARAMETER_VALUE");
    }

    @Test
    void runArtifactsList() throws Exception {
        JsonNode info = json(fx.post("/api/2.0/mlflow/runs/create", "{\"experiment_id\":\"0\"}")).path("run").path("info");
        String run = info.path("run_id").asText();
        String uri = info.path("artifact_uri").asText();
        assertEquals("mlflow-artifacts:/0/" + run + "/artifacts", uri);
        String proxied = "/api/2.0/mlflow-artifacts/artifacts/0/" + run + "/artifacts/";
        fx.send("PUT", proxied + "plots/roc.svg", "<svg/>".getBytes(StandardCharsets.UTF_8));
        fx.send("PUT", proxied + "report.json", "{}".getBytes(StandardCharsets.UTF_8));
        JsonNode top = json(fx.get("/api/2.0/mlflow/artifacts/list?run_id=" + run));
        assertEquals(uri, top.path("root_uri").asText());
        assertEquals("plots", top.path("files").get(0).path("path").asText());
        assertEquals("report.json", top.path("files").get(1).path("path").asText());
        JsonNode sub = json(fx.get("/api/2.0/mlflow/artifacts/list?run_id=" + run + "&path=plots"));
        assertEquals("plots/roc.svg", sub.path("files").get(0).path("path").asText());
        assertError(fx.get("/api/2.0/mlflow/artifacts/list?run_id=" + run + "&path=../../.."), 400, "INVALID_PARAMETER_VALUE");
    }
}
