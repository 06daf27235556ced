package dev.mlsandbox.serving.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.http.Json;
import dev.mlsandbox.serving.endpoint.EndpointConfig;

/**
 * The serving API of a sandbox server, in the Databricks REST shape
 * ({@code /api/2.0/serving-endpoints}); answers are the API's JSON.
 *
 * <pre>{@code
 * ServingClient serving = sandbox.serving();
 * serving.create("churn", EndpointConfig.of(ServedEntity.of("main.ml.churn", 1)));
 * serving.awaitReady("churn", Duration.ofMinutes(1));
 * String answer = serving.invoke("churn", "{\"dataframe_split\": {...}}");   // {"predictions": [...]}
 * serving.updateConfig("churn", EndpointConfig.split(champion, challenger, 90));
 * }</pre>
 */
public final class ServingClient {

    private static final String API = "/api/2.0/serving-endpoints";

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private ServingClient(URI base, String authorization) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.authorization = authorization;
    }

    public static ServingClient connect(URI server) {
        return new ServingClient(server, null);
    }

    /** Authenticates as {@code user} (HTTP basic), as the registry's {@code --auth} expects. */
    public static ServingClient connect(URI server, String user, String password) {
        return new ServingClient(server, "Basic " + Base64.getEncoder().encodeToString((Objects.requireNonNull(user, "user")
                + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8)));
    }

    public URI uri() {
        return base;
    }

    /** {@code POST /api/2.0/serving-endpoints}; returns the endpoint (NOT_READY until its config loads). */
    public JsonNode create(String name, EndpointConfig config) {
        ObjectNode body = Json.mapper().createObjectNode().put("name", name);
        body.set("config", config.toJson());
        return call("POST", API, body.toString());
    }

    /** {@code PUT /api/2.0/serving-endpoints/{name}/config}; returns at once, the old config serving until the new one loads. */
    public JsonNode updateConfig(String name, EndpointConfig config) {
        return call("PUT", API + "/" + enc(name) + "/config", config.toJson().toString());
    }

    public JsonNode get(String name) {
        return call("GET", API + "/" + enc(name), null);
    }

    /** {@code {"endpoints": [...]}}. */
    public JsonNode list() {
        return call("GET", API, null);
    }

    public void delete(String name) {
        call("DELETE", API + "/" + enc(name), null);
    }

    /** Online shadow (a sandbox route, not Databricks'): the served entity also scores every request; null stops it. */
    public JsonNode shadow(String name, String servedEntityName) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("served_entity_name", servedEntityName);
        return call("PUT", API + "/" + enc(name) + "/sandbox-shadow", body.toString());
    }

    /**
     * Polls until no config update is in progress; returns the endpoint. Throws when the update
     * failed and nothing serves, or after {@code timeout}.
     */
    public JsonNode awaitReady(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode ep = get(name);
            String update = ep.path("state").path("config_update").asText();
            if (!"IN_PROGRESS".equals(update)) {
                if (!"READY".equals(ep.path("state").path("ready").asText())) {
                    throw new ServingException(503, "NOT_READY", "endpoint '" + name + "' is not ready: "
                            + ep.path("state").path("config_update_message").asText(update));
                }
                return ep;
            }
            if (System.nanoTime() > deadline) {
                throw new ServingException(503, "NOT_READY", "endpoint '" + name + "' still updating after " + timeout);
            }
            Thread.sleep(5);
        }
    }

    /** Scores a JSON body; returns the answer's body, {@code {"predictions": [...]}}. */
    public String invoke(String name, String body) {
        return send("POST", "/serving-endpoints/" + enc(name) + "/invocations", body);
    }

    /** Scores a JSON body with one served entity, whatever the traffic split says. */
    public String invoke(String name, String servedEntity, String body) {
        return send("POST", "/serving-endpoints/" + enc(name) + "/served-models/" + enc(servedEntity) + "/invocations", body);
    }

    private JsonNode call(String method, String path, String body) {
        try {
            String text = send(method, path, body);
            return text.isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("serving call " + method + " " + path + " answered something other than JSON", e);
        }
    }

    private String send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                String code = "";
                String message = r.body();
                try {
                    JsonNode err = Json.mapper().readTree(r.body());
                    code = err.path("error_code").asText("");
                    message = err.path("message").asText(message);
                } catch (IOException notJson) {
                    // keep the raw body
                }
                throw new ServingException(r.statusCode(), code, message);
            }
            return r.body() == null ? "" : r.body();
        } catch (IOException e) {
            throw new UncheckedIOException("serving call " + method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
