package dev.mlsandbox.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP layer on its own: a real server on a free port, called over HTTP. */
class HttpAppTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static HttpApp app;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        RouteTable r = new RouteTable()
                .post("/serving-endpoints/{name}/invocations", req -> {
                    String type = req.contentType();
                    if (!Set.of("application/json", "text/csv").contains(type)) {
                        throw new MlflowException(ErrorCode.BAD_REQUEST, 415, "Content type '" + type + "' is not supported; "
                                + "send application/json or text/csv");
                    }
                    String body = type.equals("text/csv") ? req.bodyText() : req.string("dataframe_split");
                    return Json.mapper().createObjectNode().put("endpoint", req.pathParam("name")).put("type", type)
                            .put("body", body);
                })
                .get("/files/<path>", req -> Json.mapper().createObjectNode().put("path", req.pathParam("path")))
                .get("/files", req -> Json.mapper().createObjectNode().put("listing", true))
                .getOrPost("/echo", req -> Json.mapper().createObjectNode().put("x", req.string("x"))
                        .put("n", req.longValue("n")).put("list", String.join(",", req.strings("l"))))
                .delete("/echo", req -> Json.mapper().createObjectNode().put("x", req.string("x")))
                .get("/boom", req -> {
                    throw new IllegalStateException("a bug of ours");
                })
                .get("/text", req -> Response.text(200, "OK"));
        app = new HttpApp("127.0.0.1", 0, r, 4);
        app.start();
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    @Test
    void pathParametersAreDecodedSegmentsOrTheRestOfThePath() throws Exception {
        HttpResponse<String> r = send("POST", "/serving-endpoints/churn%20v2/invocations", "application/json; charset=utf-8",
                "{\"dataframe_split\": \"rows\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("churn v2", json(r).get("endpoint").asText());
        assertEquals("a/b c/d+e.txt", json(send("GET", "/files/a/b%20c/d+e.txt", null, null)).get("path").asText());
        assertTrue(json(send("GET", "/files", null, null)).get("listing").asBoolean());
    }

    @Test
    void csvBodiesAreReadAsTextAndOtherTypesCanBeRefusedWith415() throws Exception {
        HttpResponse<String> csv = send("POST", "/serving-endpoints/m/invocations", "text/csv; charset=ISO-8859-1", "a,b\n1,2\n");
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("a,b\n1,2\n", json(csv).get("body").asText());
        assertEquals("text/csv", json(csv).get("type").asText());
        HttpResponse<String> xml = send("POST", "/serving-endpoints/m/invocations", "application/xml", "<a/>");
        assertEquals(415, xml.statusCode());
        assertEquals("BAD_REQUEST", json(xml).get("error_code").asText());
        assertTrue(json(xml).get("message").asText().contains("application/xml"));
    }

    @Test
    void parametersFollowMlflowConventionsPerMethod() throws Exception {
        JsonNode get = json(send("GET", "/echo?x=a%20b&n=7&l=1&l=2", null, null));
        assertEquals("a b", get.get("x").asText());
        assertEquals(7, get.get("n").asLong());
        assertEquals("1,2", get.get("list").asText());
        JsonNode post = json(send("POST", "/echo", "application/json", "{\"x\": 3, \"n\": \"8\", \"l\": [\"u\"]}"));
        assertEquals("3", post.get("x").asText());
        assertEquals(8, post.get("n").asLong());
        // DELETE: the query string, or the JSON body when there is none (the Python client's way)
        assertEquals("q", json(send("DELETE", "/echo?x=q", null, null)).get("x").asText());
        assertEquals("b", json(send("DELETE", "/echo", "application/json", "{\"x\": \"b\"}")).get("x").asText());
    }

    @Test
    void errorsAreMlflowShapedJsonWithTheRightStatus() throws Exception {
        HttpResponse<String> missing = send("GET", "/nope", null, null);
        assertEquals(404, missing.statusCode());
        assertEquals("ENDPOINT_NOT_FOUND", json(missing).get("error_code").asText());
        HttpResponse<String> wrongMethod = send("PUT", "/echo", null, null);
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("DELETE, GET, POST", wrongMethod.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> badType = send("POST", "/echo", "application/json", "{\"n\": \"seven\"}");
        assertEquals(400, badType.statusCode());
        assertEquals("INVALID_PARAMETER_VALUE", json(badType).get("error_code").asText());
        assertTrue(json(badType).get("message").asText().contains("'n'"));
        HttpResponse<String> badJson = send("POST", "/echo", "application/json", "{\"x\": ");
        assertEquals("MALFORMED_REQUEST", json(badJson).get("error_code").asText());
        HttpResponse<String> bug = send("GET", "/boom", null, null);
        assertEquals(500, bug.statusCode());
        assertEquals("INTERNAL_ERROR", json(bug).get("error_code").asText());
        assertTrue(json(bug).get("message").asText().startsWith("Internal error while handling GET /boom"));
        assertTrue(!bug.body().contains("\tat "), "no stack trace in the message");
        assertEquals("OK", send("GET", "/text", null, null).body());
    }

    @Test
    void routesAreCheckedWhenAdded() {
        RouteTable r = new RouteTable().get("/a/{x}/b", req -> null);
        assertThrows(IllegalStateException.class, () -> r.get("/a/{y}/b", req -> null));
        assertThrows(IllegalStateException.class, () -> r.get("/a/{x}/b".replace("{x}", "{z}"), req -> null));
        assertThrows(IllegalArgumentException.class, () -> r.get("/a/x{y}", req -> null));
        r.post("/a/{x}/b", req -> null).get("/a/{x}/<rest>", req -> null);
        assertEquals(List.of("GET /a/{x}/b", "POST /a/{x}/b", "GET /a/{x}/<rest>"), r.describe());
        assertEquals(Set.of("x", "rest"), r.match("GET", "/a/1/c/d").pathParams().keySet());
        assertNull(r.match("GET", "/a//b"));
    }
}
