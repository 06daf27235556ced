package dev.mlsandbox.serving.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.http.Json;
import dev.mlsandbox.http.MlflowException;
import dev.mlsandbox.http.Request;
import dev.mlsandbox.http.Response;
import dev.mlsandbox.http.RouteTable;
import dev.mlsandbox.serving.endpoint.Endpoint;
import dev.mlsandbox.serving.endpoint.EndpointConfig;
import dev.mlsandbox.serving.endpoint.EndpointJson;
import dev.mlsandbox.serving.endpoint.ServingEndpoints;
import dev.mlsandbox.serving.endpoint.ServingEndpoints.Caller;

/** The serving endpoints' REST routes, in the Databricks shape, read top to bottom. */
final class ServingRoutes {

    static final String API = "/api/2.0/serving-endpoints";

    private final ServingEndpoints endpoints;

    ServingRoutes(ServingEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    void register(RouteTable routes) {
        routes.post(API, this::create)
                .get(API, req -> list())
                .get(API + "/{name}", req -> EndpointJson.detailed(endpoints.get(req.pathParam("name"))))
                .put(API + "/{name}/config", this::updateConfig)
                .delete(API + "/{name}", req -> {
                    endpoints.delete(req.pathParam("name"));
                    return Json.mapper().createObjectNode();
                })
                .put(API + "/{name}/sandbox-shadow", this::shadow)
                .post("/serving-endpoints/{name}/invocations", req -> invoke(req, null))
                .post("/serving-endpoints/{name}/served-models/{served}/invocations", req -> invoke(req, req.pathParam("served")))
                .get("/ping", req -> Response.text(200, "\n")); // /health and /version: the server's own
    }

    private Object create(Request req) {
        JsonNode body = json(req);
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual()) {
            throw MlflowException.invalid("name is required: the endpoint's name (alphanumeric characters, dashes and underscores)");
        }
        Endpoint ep = endpoints.create(name.asText(), EndpointConfig.parse(body.get("config")), caller(req));
        return EndpointJson.detailed(ep);
    }

    private Object updateConfig(Request req) {
        Endpoint ep = endpoints.updateConfig(req.pathParam("name"), EndpointConfig.parse(json(req)), caller(req));
        return EndpointJson.detailed(ep);
    }

    private Object shadow(Request req) {
        JsonNode served = json(req).get("served_entity_name");
        endpoints.shadow(req.pathParam("name"), served == null || served.isNull() ? null : served.asText());
        return EndpointJson.detailed(endpoints.get(req.pathParam("name")));
    }

    private ObjectNode list() {
        ObjectNode n = Json.mapper().createObjectNode();
        ArrayNode all = n.putArray("endpoints");
        endpoints.list().forEach(ep -> all.add(EndpointJson.detailed(ep)));
        return n;
    }

    private Response invoke(Request req, String served) {
        String body = new String(req.bodyBytes(), StandardCharsets.UTF_8);
        ServingEndpoints.Answer a = endpoints.invoke(req.pathParam("name"), served, body, req.header("Content-Type"),
                principal(req.header("Authorization")));
        return Response.json(a.body().getBytes(StandardCharsets.UTF_8)).withHeader("x-request-id", a.requestId());
    }

    private static JsonNode json(Request req) {
        byte[] bytes = req.bodyBytes();
        if (bytes.length == 0) {
            throw MlflowException.invalid("The request body is empty: send a JSON object");
        }
        try {
            JsonNode n = Json.mapper().readTree(bytes);
            if (n == null || !n.isObject()) {
                throw MlflowException.invalid("The request body must be a JSON object, got " + (n == null ? "nothing" : n.getNodeType()));
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MlflowException(dev.mlsandbox.http.ErrorCode.MALFORMED_REQUEST, "Malformed JSON in the request body: "
                    + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new MlflowException(dev.mlsandbox.http.ErrorCode.MALFORMED_REQUEST, "Could not read the request body: "
                    + e.getMessage());
        }
    }

    private static Caller caller(Request req) {
        String auth = req.header("Authorization");
        return new Caller(principal(auth), auth);
    }

    /** The basic-auth user the header names (checked by the registry on management calls), or anonymous. */
    static String principal(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Caller.ANONYMOUS;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return user.isBlank() ? Caller.ANONYMOUS : user;
        } catch (IllegalArgumentException e) {
            return Caller.ANONYMOUS;
        }
    }
}
