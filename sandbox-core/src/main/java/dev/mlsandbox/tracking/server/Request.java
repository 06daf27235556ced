package dev.mlsandbox.tracking.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.mlsandbox.tracking.store.ErrorCode;
import dev.mlsandbox.tracking.store.MlflowException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request, with MLflow's parameter conventions: GET parameters come from the query string
 * (repeated keys are lists), POST/PATCH parameters from the JSON body. Accessors check types the
 * way protobuf's JSON parser would: int64 may be a number or a numeric string, doubles may be
 * "NaN"/"Infinity"; a wrong type is INVALID_PARAMETER_VALUE naming the field.
 */
public final class Request {
    private final HttpExchange exchange;
    private final ObjectMapper json;
    private final String rest;
    private ObjectNode params;

    Request(HttpExchange exchange, ObjectMapper json, String rest) {
        this.exchange = exchange;
        this.json = json;
        this.rest = rest;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    /** For prefix routes: the path after the prefix, percent-decoded. */
    public String rest() {
        return rest;
    }

    public InputStream body() {
        return exchange.getRequestBody();
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The parameters as one JSON object, whatever the method. */
    public ObjectNode params() {
        if (params == null) {
            params = method().equals("GET") || method().equals("DELETE") ? fromQuery() : fromBody();
        }
        return params;
    }

    private ObjectNode fromQuery() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        String q = exchange.getRequestURI().getRawQuery();
        if (q == null || q.isEmpty()) {
            return node;
        }
        for (String pair : q.split("&")) {
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

    /** The raw body, for handlers that parse it themselves (log-batch streams it). */
    byte[] bodyBytes() {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MlflowException(ErrorCode.MALFORMED_REQUEST, "Could not read the request body: " + e.getMessage());
        }
    }

    ObjectMapper mapper() {
        return json;
    }

    private ObjectNode fromBody() {
        byte[] bytes = bodyBytes();
        if (bytes.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
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

    /** {@code run_id}, falling back to the deprecated {@code run_uuid}. */
    public String runId() {
        String v = string("run_id");
        if (v == null || v.isEmpty()) {
            v = string("run_uuid");
        }
        if (v == null || v.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter 'run_id'. See the API request docs for the "
                    + "correct fields.");
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

    static String string(JsonNode obj, String name) {
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

    static Long longValue(JsonNode obj, String name) {
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

    static double doubleValue(JsonNode obj, String name) {
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
