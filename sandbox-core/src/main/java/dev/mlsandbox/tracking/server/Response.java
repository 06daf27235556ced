package dev.mlsandbox.tracking.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A non-JSON or non-200 answer: bytes or a file, with a status and a content type. */
public record Response(int status, String contentType, byte[] body, Path file) {

    public static Response text(int status, String text) {
        return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** JSON already written to bytes (large answers skip the node tree). */
    public static Response json(byte[] body) {
        return new Response(200, "application/json", body, null);
    }

    public static Response file(Path file, String contentType) {
        return new Response(200, contentType, null, file);
    }
}
