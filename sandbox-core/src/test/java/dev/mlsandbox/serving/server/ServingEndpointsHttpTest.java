package dev.mlsandbox.serving.server;

import static dev.mlsandbox.serving.server.ServingFixture.MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.server.RegistryOptions;
import dev.mlsandbox.registry.server.RegistryServer;
import dev.mlsandbox.serving.endpoint.InvocationRecord;
import dev.mlsandbox.serving.protocol.ServingModel;
import dev.mlsandbox.serving.server.ServingFixture.Client;
import dev.mlsandbox.serving.server.ServingFixture.Reply;
import dev.mlsandbox.tracking.TrackingServer;

/**
 * The serving module on a real server with the registry, driven over HTTP with java.net.http:
 * endpoint management in the Databricks shape, invocations, refusals, persistence.
 */
class ServingEndpointsHttpTest {

    static final String API = "/api/2.0/serving-endpoints";

    @TempDir
    static Path dir;
    static TrackingServer server;
    static ServingModule serving;
    static Client client;
    static final List<InvocationRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = start(dir);
        client = new Client(server.uri());
        Registry registry = Registry.connect(server.uri());
        registry.createModel(MODEL, "churn");
        for (Path model : ServingFixture.modelDirs()) {
            registry.createVersion(MODEL, model.toUri().toString(), null);
        }
    }

    static TrackingServer start(Path dir) {
        TrackingServer.Builder b = TrackingServer.builder().port(0).storeIn(dir);
        RegistryServer.install(b, RegistryOptions.unityCatalog(TrackingServer.artifactsIn(dir)));
        serving = ServingModule.install(b, ServingOptions.in(dir.resolve("serving-cache")));
        serving.addListener(records::add);
        return b.build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String create(String name, String entities, String routes) {
        return "{\"name\": \"" + name + "\", \"config\": {\"served_entities\": [" + entities + "]"
                + (routes == null ? "" : ", \"traffic_config\": {\"routes\": [" + routes + "]}") + "}}";
    }

    static String entity(String name, int version) {
        return "{" + (name == null ? "" : "\"name\": \"" + name + "\", ") + "\"entity_name\": \"" + MODEL
                + "\", \"entity_version\": \"" + version + "\", \"workload_size\": \"Small\", \"scale_to_zero_enabled\": true}";
    }

    static List<Double> predictions(Reply r) {
        assertEquals(200, r.status(), r.text());
        List<Double> out = new ArrayList<>();
        r.json().path("predictions").forEach(p -> out.add(p.asDouble()));
        return out;
    }

    static List<Double> expected(int version, String body) throws Exception {
        ServingModel m = ServingModel.load(ServingFixture.modelDirs().get(version - 1));
        List<Double> out = new ArrayList<>();
        m.invoke(body, "application/json").predictions().forEach(p -> out.add(((Number) p).doubleValue()));
        return out;
    }

    @Test
    void anEndpointIsCreatedLoadsAndAnswersAsTheModelDoes() throws Exception {
        Reply created = client.json("POST", API, create("churn-a", entity(null, 1), null));
        assertEquals(200, created.status(), created.text());
        assertEquals("churn-a", created.json().path("name").asText());
        // the served entity's name defaults to <model>-<version>; the whole config is routed to it
        Reply ready = client.awaitUpdated("churn-a");
        assertEquals("READY", ready.json().path("state").path("ready").asText(), ready.text());
        assertEquals("NOT_UPDATING", ready.json().path("state").path("config_update").asText());
        var entity = ready.json().path("config").path("served_entities").get(0);
        assertEquals("churn-1", entity.path("name").asText());
        assertEquals("DEPLOYMENT_READY", entity.path("state").path("deployment").asText());
        assertTrue(entity.path("state").path("deployment_state_message").asText().startsWith("compiled"), entity.toString());
        assertEquals(100, ready.json().path("config").path("traffic_config").path("routes").get(0).path("traffic_percentage").asInt());
        assertEquals(1, ready.json().path("config").path("config_version").asInt());

        String body = ServingFixture.split(0, 20);
        Reply answer = client.invoke("churn-a", body);
        assertEquals(expected(1, body), predictions(answer));
        assertTrue(answer.headers().firstValue("x-request-id").isPresent());
        Reply direct = client.json("POST", "/serving-endpoints/churn-a/served-models/churn-1/invocations", body);
        assertEquals(expected(1, body), predictions(direct));

        Reply list = client.json("GET", API, null);
        assertTrue(list.json().path("endpoints").findValuesAsText("name").contains("churn-a"), list.text());
        assertEquals(200, client.json("GET", "/ping", null).status());
        assertEquals("OK", client.json("GET", "/health", null).text());
        assertTrue(client.json("GET", "/version", null).text().matches("\\d+\\.\\d+\\.\\d+"));

        // the listener saw the request with what an inference table row needs
        InvocationRecord r = records.stream().filter(x -> x.requestId().equals(answer.headers().firstValue("x-request-id")
                .orElseThrow())).findFirst().orElseThrow();
        assertEquals(200, r.statusCode());
        assertEquals("churn-1", r.servedEntityName());
        assertEquals(body, r.requestBody());
        assertEquals(answer.text(), r.responseBody());
        assertEquals("anonymous", r.requester());
        assertEquals("1", r.entityVersion());
        assertFalse(r.shadow());
    }

    @Test
    void badRequestsAre4xxWithMlflowOrDatabricksBodiesAndNothingHalfApplied() throws Exception {
        assertEquals(200, client.json("POST", API, create("churn-bad", entity(null, 1), null)).status());
        client.awaitUpdated("churn-bad");
        Map<String, Reply> refused = new java.util.LinkedHashMap<>();
        refused.put("malformed JSON", client.invoke("churn-bad", "{\"dataframe_split\": "));
        refused.put("two input keys", client.invoke("churn-bad", "{\"dataframe_split\": {\"columns\": [\"a\"], \"data\": [[1]]},"
                + " \"instances\": [{\"a\": 1}]}"));
        refused.put("wrong type", client.invoke("churn-bad", "{\"dataframe_split\": {\"columns\": " + ServingFixture.COLUMNS
                + ", \"data\": [[\"basic\", \"north\", 3, \"lots\", 1]]}}"));
        refused.put("missing column", client.invoke("churn-bad", "{\"dataframe_records\": [{\"plan\": \"basic\"}]}"));
        refused.put("unknown endpoint", client.invoke("nope", ServingFixture.split(0, 1)));
        refused.put("unknown served model", client.json("POST", "/serving-endpoints/churn-bad/served-models/x/invocations",
                ServingFixture.split(0, 1)));
        refused.put("text/plain", client.send("POST", "/serving-endpoints/churn-bad/invocations", "a,b", "text/plain"));
        refused.put("route to a missing entity", client.json("POST", API, create("churn-x", entity(null, 1), "{\"served_entity_name\":"
                + " \"ghost\", \"traffic_percentage\": 100}")));
        refused.put("version that does not exist", client.json("POST", API, create("churn-y", entity(null, 9), null)));
        refused.put("model that does not exist", client.json("POST", API, create("churn-z", entity(null, 1).replace(MODEL,
                "main.ml.ghost"), null)));
        refused.put("percentages", client.json("POST", API, create("churn-w", entity("a", 1) + ", " + entity("b", 2),
                "{\"served_entity_name\": \"a\", \"traffic_percentage\": 60}, {\"served_entity_name\": \"b\", \"traffic_percentage\": 30}")));
        refused.put("endpoint name", client.json("POST", API, create("churn.v", entity(null, 1), null)));
        refused.put("existing name", client.json("POST", API, create("churn-bad", entity(null, 1), null)));
        refused.put("no config", client.json("POST", API, "{\"name\": \"churn-q\"}"));
        refused.put("malformed management JSON", client.json("POST", API, "{\"name\": "));
        refused.put("update of unknown endpoint", client.json("PUT", API + "/nope/config", "{\"served_entities\": [" + entity(null, 1) + "]}"));
        refused.put("bad version text", client.json("POST", API, create("churn-v", entity(null, 1).replace("\"1\"", "\"one\""), null)));
        refused.forEach((what, r) -> {
            assertTrue(r.status() >= 400 && r.status() < 500, what + ": " + r.status() + " " + r.text());
            assertFalse(r.errorCode().isEmpty(), what + ": " + r.text());
            assertFalse(r.message().isEmpty() || r.message().contains("\tat "), what + ": " + r.text());
        });
        assertEquals(415, refused.get("text/plain").status());
        assertEquals("BAD_REQUEST", refused.get("two input keys").errorCode());
        assertEquals("INVALID_PARAMETER_VALUE", refused.get("missing column").errorCode());
        assertTrue(refused.get("missing column").message().contains("Model is missing inputs"), refused.get("missing column").text());
        assertEquals(404, refused.get("unknown endpoint").status());
        assertEquals("RESOURCE_DOES_NOT_EXIST", refused.get("version that does not exist").errorCode());
        assertTrue(refused.get("percentages").message().contains("must sum to 100, got 90"), refused.get("percentages").text());
        assertTrue(refused.get("route to a missing entity").message().contains("ghost"));
        // nothing was created by a refused request
        for (String name : List.of("churn-x", "churn-y", "churn-z", "churn-w", "churn.v", "churn-q", "churn-v")) {
            assertEquals(404, client.json("GET", API + "/" + name, null).status(), name);
        }
    }

    @Test
    void aRefusedUpdateLeavesTheServingConfigUnchangedAndAGoodOneSwapsIt() throws Exception {
        assertEquals(200, client.json("POST", API, create("churn-u", entity(null, 1), null)).status());
        String before = client.awaitUpdated("churn-u").json().path("config").toString();
        for (String bad : List.of("{\"served_entities\": [" + entity(null, 7) + "]}",
                "{\"served_entities\": [" + entity("a", 1) + ", " + entity("b", 2) + "], \"traffic_config\": {\"routes\":"
                        + " [{\"served_entity_name\": \"a\", \"traffic_percentage\": 101}]}}",
                "{\"served_entities\": []}")) {
            Reply r = client.json("PUT", API + "/churn-u/config", bad);
            assertTrue(r.status() >= 400 && r.status() < 500, r.text());
            Reply now = client.json("GET", API + "/churn-u", null);
            assertEquals(before, now.json().path("config").toString());
            assertEquals("NOT_UPDATING", now.json().path("state").path("config_update").asText());
        }
        String body = ServingFixture.split(100, 30);
        assertEquals(expected(1, body), predictions(client.invoke("churn-u", body)));

        Reply put = client.json("PUT", API + "/churn-u/config", "{\"served_entities\": [" + entity(null, 2) + "]}");
        assertEquals(200, put.status(), put.text());
        Reply after = client.awaitUpdated("churn-u");
        assertEquals(2, after.json().path("config").path("config_version").asInt(), after.text());
        assertEquals("churn-2", after.json().path("config").path("served_entities").get(0).path("name").asText());
        assertEquals(expected(2, body), predictions(client.invoke("churn-u", body)));
        assertNotEquals(expected(1, body), expected(2, body), "the two versions should disagree on some rows");
    }

    @Test
    void trafficIsSplitByTheRoutesAndShadowNeverAnswers() throws Exception {
        assertEquals(200, client.json("POST", API, create("churn-s", entity("champion", 1) + ", " + entity("challenger", 2),
                "{\"served_entity_name\": \"champion\", \"traffic_percentage\": 80}, {\"served_entity_name\": \"challenger\","
                        + " \"traffic_percentage\": 20}")).status());
        client.awaitUpdated("churn-s");
        Map<String, AtomicInteger> byEntity = new ConcurrentHashMap<>();
        String body = ServingFixture.split(0, 1);
        for (int i = 0; i < 500; i++) {
            Reply r = client.invoke("churn-s", body);
            assertEquals(200, r.status(), r.text());
            String id = r.headers().firstValue("x-request-id").orElseThrow();
            String served = records.stream().filter(x -> x.requestId().equals(id) && !x.shadow()).findFirst().orElseThrow()
                    .servedEntityName();
            byEntity.computeIfAbsent(served, k -> new AtomicInteger()).incrementAndGet();
        }
        // 20 % of 500 = 100, binomial sd ~ 8.9: within 5 sd
        int challenger = byEntity.getOrDefault("challenger", new AtomicInteger()).get();
        assertTrue(Math.abs(challenger - 100) < 45, "challenger answered " + challenger + " of 500");

        // online shadow: all traffic to the champion, the challenger scores each request off the path
        Reply put = client.json("PUT", API + "/churn-s/config", "{\"served_entities\": [" + entity("champion", 1) + ", "
                + entity("challenger", 2) + "], \"traffic_config\": {\"routes\": [{\"served_entity_name\": \"champion\","
                + " \"traffic_percentage\": 100}, {\"served_entity_name\": \"challenger\", \"traffic_percentage\": 0}]}}");
        assertEquals(200, put.status(), put.text());
        client.awaitUpdated("churn-s");
        Reply shadowOn = client.json("PUT", API + "/churn-s/sandbox-shadow", "{\"served_entity_name\": \"challenger\"}");
        assertEquals("challenger", shadowOn.json().path("shadow_served_entity_name").asText(), shadowOn.text());
        String many = ServingFixture.split(200, 50);
        List<Double> champion = expected(1, many);
        List<Double> challengerAnswers = expected(2, many);
        assertNotEquals(champion, challengerAnswers);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Reply r = client.invoke("churn-s", many);
            assertEquals(champion, predictions(r), "a shadow answer leaked into the response");
            ids.add(r.headers().firstValue("x-request-id").orElseThrow());
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (records.stream().filter(x -> x.shadow() && ids.contains(x.requestId())).count() < ids.size()
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<InvocationRecord> shadows = records.stream().filter(x -> x.shadow() && ids.contains(x.requestId())).toList();
        assertEquals(ids.size(), shadows.size());
        for (InvocationRecord s : shadows) {
            assertEquals("challenger", s.servedEntityName());
            assertEquals(challengerAnswers, predictions(new Reply(200, s.responseBody(), null)));
        }
    }

    @Test
    void endpointsPersistAcrossARestart(@TempDir Path store) throws Exception {
        TrackingServer other = start(store);
        try {
            Registry registry = Registry.connect(other.uri());
            registry.createModel(MODEL, "churn");
            registry.createVersion(MODEL, ServingFixture.modelDirs().get(1).toUri().toString(), null);
            Client c = new Client(other.uri());
            assertEquals(200, c.json("POST", API, create("kept", entity(null, 1), null)).status());
            c.awaitUpdated("kept");
        } finally {
            other.close();
        }
        TrackingServer again = start(store);
        try {
            Client c = new Client(again.uri());
            Reply r = c.awaitUpdated("kept");
            assertEquals("READY", r.json().path("state").path("ready").asText(), r.text());
            String body = ServingFixture.split(0, 5);
            assertEquals(expected(2, body), predictions(c.invoke("kept", body)));
        } finally {
            again.close();
        }
    }
}
