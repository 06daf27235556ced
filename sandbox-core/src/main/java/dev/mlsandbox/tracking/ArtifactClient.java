package dev.mlsandbox.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsandbox.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of MLflow's artifact proxy ({@code /api/2.0/mlflow-artifacts/artifacts/...}),
 * for the tracking facade and the registry alike: upload, read, list and download by a path
 * relative to the proxy's root, which {@link #relativePath} takes from an {@code
 * mlflow-artifacts:/...} or {@code mlflow-artifacts://host:port/...} URI. A refusal becomes
 * whatever exception the caller's {@link Refusal} makes of the status and the server's body.
 */
public final class ArtifactClient {
    /** The proxy's path on the server. */
    public static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts";
    /** The URI scheme of artifacts served by the proxy. */
    public static final String SCHEME = "mlflow-artifacts:";

    /** One listed entry; {@code size} is null for directories. */
    public record Entry(String path, boolean dir, Long size) {}

    /** Turns a non-2xx answer into the caller's exception. */
    @FunctionalInterface
    public interface Refusal {
        RuntimeException of(int status, String body);
    }

    private final URI server;
    private final String authorization;
    private final Refusal refusal;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param server the tracking server, {@code http://host:port}
     * @param authorization the {@code Authorization} header to send, or null
     */
    public ArtifactClient(URI server, String authorization, Refusal refusal) {
        String s = server.toString();
        this.server = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.authorization = authorization;
        this.refusal = refusal;
    }

    /**
     * The proxy-relative path of an artifact URI: {@code mlflow-artifacts:/0/abc/artifacts} and
     * {@code mlflow-artifacts://host:5000/0/abc/artifacts} both give {@code 0/abc/artifacts}.
     *
     * @throws IllegalArgumentException for a URI the proxy does not serve (file:, s3:, ...)
     */
    public static String relativePath(String artifactUri) {
        if (artifactUri == null || !artifactUri.startsWith(SCHEME)) {
            throw new IllegalArgumentException("artifact URI '" + artifactUri + "' is not served by the artifact proxy ("
                    + SCHEME + "/...); start the server with an artifact destination (bin/sandbox server, or mlflow server "
                    + "--serve-artifacts)");
        }
        String rel = artifactUri.substring(SCHEME.length());
        if (rel.startsWith("//")) { // mlflow-artifacts://host:port/path: the host is the server we talk to
            int slash = rel.indexOf('/', 2);
            rel = slash < 0 ? "" : rel.substring(slash);
        }
        return rel.replaceFirst("^/+", "");
    }

    /** {@code dir/name}, or {@code name} when dir is null or empty. */
    public static String join(String dir, String name) {
        if (dir == null || dir.isEmpty()) {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    public void put(String relative, Path file) {
        try {
            send(request(relative).PUT(HttpRequest.BodyPublishers.ofFile(file)), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.FileNotFoundException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public void put(String relative, byte[] content) {
        send(request(relative).PUT(HttpRequest.BodyPublishers.ofByteArray(content)), HttpResponse.BodyHandlers.ofString());
    }

    /** The content of one file. */
    public byte[] read(String relative) {
        return send(request(relative).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Direct children of a directory, paths relative to the proxy root. */
    public List<Entry> list(String relative) {
        HttpRequest.Builder req = authorize(HttpRequest.newBuilder(URI.create(server + PROXY + "?path="
                + enc(relative)))).GET();
        JsonNode listing = json(send(req, HttpResponse.BodyHandlers.ofString()));
        List<Entry> out = new ArrayList<>();
        for (JsonNode f : listing.path("files")) {
            out.add(new Entry(f.path("path").asText(), f.path("is_dir").asBoolean(),
                    f.has("file_size") ? f.path("file_size").asLong() : null));
        }
        return out;
    }

    /** Every file under a directory, recursively, into {@code into} (created); the layout is kept. */
    public void download(String relative, Path into) {
        try {
            Files.createDirectories(into);
            for (Entry e : list(relative)) {
                String name = e.path().substring(e.path().lastIndexOf('/') + 1);
                String child = relative + "/" + name;
                if (e.dir()) {
                    download(child, into.resolve(name));
                } else {
                    Files.write(into.resolve(name), read(child));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + into + ": " + e.getMessage(), e);
        }
    }

    /** A JSON answer of the server's (empty object for an empty body). */
    static JsonNode json(String body) {
        try {
            return body == null || body.isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the server's answer is not JSON: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String relative) {
        StringBuilder path = new StringBuilder(PROXY);
        for (String seg : relative.split("/")) {
            if (!seg.isEmpty()) {
                path.append('/').append(enc(seg));
            }
        }
        return authorize(HttpRequest.newBuilder(URI.create(server + path.toString())));
    }

    private HttpRequest.Builder authorize(HttpRequest.Builder b) {
        return authorization == null ? b : b.header("Authorization", authorization);
    }

    private <T> T send(HttpRequest.Builder req, HttpResponse.BodyHandler<T> handler) {
        HttpRequest r = req.build();
        try {
            HttpResponse<T> resp = http.send(r, handler);
            if (resp.statusCode() / 100 != 2) {
                Object body = resp.body();
                throw refusal.of(resp.statusCode(), body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                        : String.valueOf(body));
            }
            return resp.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the tracking server at " + server + " (" + r.method() + " "
                    + r.uri().getPath() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + r.method() + " " + r.uri().getPath(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
