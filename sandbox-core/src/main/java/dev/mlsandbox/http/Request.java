package dev.mlsandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One request, read with MLflow's parameter conventions: GET parameters come from the query
 * string (repeated keys are lists), POST/PATCH parameters from the JSON body, DELETE parameters
 * from the query string or, when it has none, the JSON body (the Python client sends a body).
 * Accessors check types the way protobuf's JSON parser would: int64 may be a number or a numeric
 * string, doubles may be "NaN"/"Infinity"; a wrong type is INVALID_PARAMETER_VALUE naming the
 * field. Path parameters ({@code {name}} in the route) are {@link #pathParam}. Handlers that take
 * other bodies (CSV, files) read {@link #contentType()} and {@link #body()} / {@link #bodyText()}
 * and never call {@link #params()}.
 */
public final class Request {
    private final String method;
    private final String path;
    private final String rawQuery;
    private final Function<String, String> headers;
    private final InputStream body;
    private final Map<String, String> pathParams;
    private ObjectNode params;
    private byte[] bodyBytes;

    /** Built by the server for each request: the engine's view of it, nothing engine-specific kept. */
    Request(String method, String path, String rawQuery, Function<String, String> headers, InputStream body,
            Map<String, String> pathParams) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
        this.pathParams = pathParams;
    }

    public String method() {
        return method;
    }

    /** The raw (still percent-encoded) path, as the route table matched it. */
    public String path() {
        return path;
    }

    /** A path parameter of the route ({@code {name}} or {@code <name>}), percent-decoded. */
    public String pathParam(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalStateException("the route of " + method + " " + path + " has no path parameter '" + name + "'");
        }
        return v;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.apply(name);
    }

    /**
     * The media type of the body, lower-case and without parameters ({@code text/csv} for {@code
     * text/csv; charset=utf-8}), or null when the client sent none.
     */
    public String contentType() {
        String h = header("Content-Type");
        if (h == null || h.isBlank()) {
            return null;
        }
        int semi = h.indexOf(';');
        return (semi < 0 ? h : h.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The body's charset from the Content-Type header, UTF-8 when none is given. */
    public Charset charset() {
        String h = header("Content-Type");
        if (h != null) {
            for (String part : h.split(";")) {
                String p = part.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    String name = p.substring(8).replace("\"", "").trim();
                    try {
                        return Charset.forName(name);
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        throw new MlflowException(ErrorCode.BAD_REQUEST, "Unsupported charset '" + name + "' in the Content-Type "
                                + "header '" + h + "'; send UTF-8");
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The body as a stream, for handlers that copy it elsewhere (artifact uploads). */
    public InputStream body() {
        return bodyBytes != null ? new java.io.ByteArrayInputStream(bodyBytes) : body;
    }

    /** The whole body; read once, then kept. */
    public byte[] bodyBytes() {
        if (bodyBytes == null) {
            try (InputStream in = body) {
                bodyBytes = in.readAllBytes();
            } catch (IOException e) {
                throw new MlflowException(ErrorCode.MALFORMED_REQUEST, "Could not read the request body: " + e.getMessage());
            }
        }
        return bodyBytes;
    }

    /** The whole body as text in its declared charset (CSV, plain text). */
    public String bodyText() {
        return new String(bodyBytes(), charset());
    }

    /** The shared JSON mapper, for handlers that stream a body or an answer themselves. */
    public ObjectMapper mapper() {
        return Json.mapper();
    }

    /** The parameters as one JSON object, whatever the method. */
    public ObjectNode params() {
        if (params == null) {
            params = switch (method) {
                case "GET" -> fromQuery();
                case "DELETE" -> {
                    ObjectNode q = fromQuery();
                    yield q.isEmpty() ? fromBody() : q;
                }
                default -> fromBody();
            };
        }
        return params;
    }

    private ObjectNode fromQuery() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return node;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            JsonNode existing = node.get(k);
            if (existing == null) {
                node.put(k, v);
            } else if (existing.isArray()) {
                ((ArrayNode) existing).add(v);
            } else {
                ArrayNode arr = node.putArray(k);
                arr.add(existing);
                arr.add(v);
            }
        }
        return node;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MlflowException(ErrorCode.MALFORMED_REQUEST, "Malformed query string: '" + s + "' is not valid "
                    + "percent-encoding");
        }
    }

    private ObjectNode fromBody() {
        byte[] bytes = bodyBytes();
        if (bytes.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new MlflowException(ErrorCode.MALFORMED_REQUEST, "Malformed JSON in the request body at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()
                    + ". Send a JSON object such as {\"experiment_id\": \"1\"}.");
        } catch (IOException e) {
            throw new MlflowException(ErrorCode.MALFORMED_REQUEST, "Could not read the request body: " + e.getMessage());
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new MlflowException(ErrorCode.MALFORMED_REQUEST, "The request body must be a JSON object, got "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) node;
    }

    // ---- typed accessors -------------------------------------------------------------------

    public String string(String name) {
        return string(params(), name);
    }

    public String required(String name) {
        String v = string(name);
        if (v == null || v.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter '" + name + "'. See the API request docs for "
                    + "the correct fields.");
        }
        return v;
    }

    public Long longValue(String name) {
        return longValue(params(), name);
    }

    public List<String> strings(String name) {
        JsonNode n = params().get(name);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            for (JsonNode e : n) {
                out.add(scalar(e, name));
            }
        } else {
            out.add(scalar(n, name));
        }
        return out;
    }

    /** A field as JSON, whatever its type, or null. */
    public JsonNode node(String name) {
        return params().get(name);
    }

    /** true for JSON {@code true} or the string "true" (any case), false otherwise or when absent. */
    public boolean bool(String name) {
        JsonNode n = params().get(name);
        return n != null && (n.asBoolean(false) || "true".equalsIgnoreCase(n.asText()));
    }

    /** A required whole number of at least 1 (a model version); {@code what} names it in the error. */
    public long positiveLong(String name, String what) {
        String v = required(name);
        try {
            long n = Long.parseLong(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw MlflowException.invalid("Invalid value '" + v + "' for parameter '" + name + "': " + what
                + " is a positive integer such as \"3\"");
    }

    /** {@code max_results} between 1 and {@code limit}, {@code fallback} when absent. */
    public long maxResults(long fallback, long limit) {
        String v = string("max_results");
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 1 && n <= limit) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw MlflowException.invalid("Invalid value " + v + " for parameter 'max_results': it must be between 1 and " + limit);
    }

    /** One entry of a {@code [{"key": ..., "value": ...}]} list (tags, params). */
    public record KeyValue(String key, String value) {}

    /**
     * A list of {@code {"key", "value"}} objects (empty when absent); each entry must be an object,
     * key and value scalars or missing (null), which the caller's rules then check.
     */
    public List<KeyValue> keyValues(String name) {
        List<KeyValue> out = new ArrayList<>();
        for (JsonNode e : array(name)) {
            if (!e.isObject()) {
                throw MlflowException.invalid("Invalid value in '" + name + "': each entry must be an object like "
                        + "{\"key\": ..., \"value\": ...}, got " + e);
            }
            out.add(new KeyValue(string(e, "key"), string(e, "value")));
        }
        return out;
    }

    public ArrayNode array(String name) {
        JsonNode n = params().get(name);
        if (n == null || n.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!n.isArray()) {
            throw MlflowException.invalid("Invalid value for parameter '" + name + "': expected a list, got "
                    + n.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ArrayNode) n;
    }

    /** A scalar field of a JSON object as text (numbers and booleans too), null when absent. */
    public static String string(JsonNode obj, String name) {
        JsonNode n = obj.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        return scalar(n, name);
    }

    private static String scalar(JsonNode n, String name) {
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isNumber() || n.isBoolean()) {
            return n.asText();
        }
        throw MlflowException.invalid("Invalid value for parameter '" + name + "': expected a string, got "
                + n.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    /** An int64 field: a JSON integer or a numeric string, null when absent. */
    public static Long longValue(JsonNode obj, String name) {
        JsonNode n = obj.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.textValue().trim());
            } catch (NumberFormatException e) {
                // fall through to the error
            }
        }
        throw MlflowException.invalid("Invalid value " + n + " for parameter '" + name + "' supplied. It must be an "
                + "integer (64-bit).");
    }

    /** A required double field: a number, a numeric string, or "NaN", "Infinity", "-Infinity". */
    public static double doubleValue(JsonNode obj, String name) {
        JsonNode n = obj.get(name);
        if (n == null || n.isNull()) {
            throw MlflowException.invalid("Missing value for required parameter '" + name + "'.");
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            switch (n.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(n.textValue());
                    } catch (NumberFormatException e) {
                        // fall through
                    }
            }
        }
        throw MlflowException.invalid("Got invalid value " + n + " for '" + name + "'. Please specify value as a valid "
                + "double (64-bit floating point)");
    }
}
