package dev.mlsandbox.bundle.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
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

/**
 * The REST calls deploy makes to a sandbox server (tracking, registry, Unity Catalog permissions,
 * SQL statements), as one user with HTTP basic auth when a password is given. A refused call is a
 * {@link RemoteException} carrying the server's error code and message; an unreachable server is an
 * {@link IllegalStateException} saying how to start one. No retries: deploy decides what a failure
 * means.
 */
public final class SandboxApi {

    private final URI base;
    private final String user;
    private final String authorization;
    private HttpClient http;

    public SandboxApi(URI server, String user, String password) {
        String s = Objects.requireNonNull(server, "server").toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.user = user;
        this.authorization = password == null || user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Created on first use: a client starts a selector thread, which summary and validate never need. */
    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        }
        return http;
    }

    public URI server() {
        return base;
    }

    /** The user deploy acts as (null when the server runs without --auth and none was given). */
    public String user() {
        return user;
    }

    public JsonNode get(String path, String... queryPairs) {
        StringBuilder q = new StringBuilder(path);
        for (int i = 0; i < queryPairs.length; i += 2) {
            q.append(i == 0 ? '?' : '&').append(enc(queryPairs[i])).append('=').append(enc(queryPairs[i + 1]));
        }
        return call("GET", q.toString(), null);
    }

    /** Like {@link #get}, but null when the server answers that the object does not exist. */
    public JsonNode find(String path, String... queryPairs) {
        try {
            return get(path, queryPairs);
        } catch (RemoteException e) {
            if (e.notFound()) {
                return null;
            }
            throw e;
        }
    }

    public JsonNode post(String path, ObjectNode body) {
        return call("POST", path, body);
    }

    public JsonNode patch(String path, ObjectNode body) {
        return call("PATCH", path, body);
    }

    public JsonNode delete(String path, ObjectNode body) {
        return call("DELETE", path, body);
    }

    public static ObjectNode body() {
        return Json.mapper().createObjectNode();
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode call(String method, String pathAndQuery, ObjectNode body) {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60));
            if (authorization != null) {
                req.header("Authorization", authorization);
            }
            if (body == null) {
                req.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                req.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
            }
            HttpResponse<String> r = client().send(req.build(), HttpResponse.BodyHandlers.ofString());
            String text = r.body() == null ? "" : r.body();
            if (r.statusCode() / 100 != 2) {
                String code = "";
                String message = text;
                try {
                    JsonNode err = Json.mapper().readTree(text);
                    code = err.path("error_code").asText("");
                    message = err.path("message").asText(text);
                } catch (IOException notJson) {
                    // keep the raw body as the message
                }
                throw new RemoteException(r.statusCode(), code, message);
            }
            return text.isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(text);
        } catch (ConnectException e) {
            throw new IllegalStateException("no sandbox server at " + base + ": start one with 'bin/sandbox server' (add --auth"
                    + " for grants) or point MLFLOW_TRACKING_URI at it");
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base + pathAndQuery + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + pathAndQuery, e);
        }
    }
}
