package dev.mlsandbox.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A non-JSON or non-200 answer: bytes or a file, with a status, a content type and any extra
 * headers. A handler that returns a plain object gets a 200 JSON answer instead.
 */
public record Response(int status, String contentType, byte[] body, Path file, Map<String, String> headers) {
    public static final String JSON = "application/json";

    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response text(int status, String text) {
        return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null, Map.of());
    }

    /** JSON already written to bytes (large answers skip the node tree). */
    public static Response json(byte[] body) {
        return json(200, body);
    }

    public static Response json(int status, byte[] body) {
        return new Response(status, JSON, body, null, Map.of());
    }

    public static Response file(Path file, String contentType) {
        return new Response(200, contentType, null, file, Map.of());
    }

    /** The same answer with one more header. */
    public Response withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, body, file, h);
    }
}
