package dev.mlsandbox.registry.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.tracking.server.Request;
import dev.mlsandbox.tracking.store.ErrorCode;
import dev.mlsandbox.tracking.store.MlflowException;

/**
 * A request's parameters. MLflow clients send DELETE parameters as a JSON body (the Python
 * client does), others in the query string; both are accepted.
 */
final class Params {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode node;

    private Params(ObjectNode node) {
        this.node = node;
    }

    static Params of(Request req) {
        ObjectNode p = req.params();
        if (req.method().equals("DELETE") && p.isEmpty()) {
            try (InputStream in = req.body()) {
                byte[] bytes = in.readAllBytes();
                if (bytes.length > 0) {
                    JsonNode n = JSON.readTree(bytes);
                    if (n != null && n.isObject()) {
                        p = (ObjectNode) n;
                    }
                }
            } catch (IOException e) {
                throw new MlflowException(ErrorCode.MALFORMED_REQUEST, "Malformed JSON in the DELETE request body: "
                        + e.getMessage());
            }
        }
        return new Params(p);
    }

    String string(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isContainerNode()) {
            throw MlflowException.invalid("Invalid value for parameter '" + name + "': expected a string, got "
                    + n.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return n.asText();
    }

    String required(String name) {
        String v = string(name);
        if (v == null || v.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter '" + name + "'. See the API request docs for"
                    + " the correct fields.");
        }
        return v;
    }

    long version(String name) {
        String v = required(name);
        try {
            long n = Long.parseLong(v.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw MlflowException.invalid("Invalid value '" + v + "' for parameter '" + name + "': a model version is a"
                    + " positive integer such as \"3\"");
        }
    }

    long maxResults(long fallback, long limit) {
        String v = string("max_results");
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 1 || n > limit) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw MlflowException.invalid("Invalid value " + v + " for parameter 'max_results': it must be between 1 and "
                    + limit);
        }
    }

    boolean bool(String name) {
        JsonNode n = node.get(name);
        return n != null && (n.asBoolean(false) || "true".equalsIgnoreCase(n.asText()));
    }

    List<String> strings(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isArray()) {
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            n.forEach(e -> out.add(e.asText()));
            return out;
        }
        return List.of(n.asText());
    }

    /** {@code tags: [{"key": ..., "value": ...}]}. */
    Map<String, String> tags() {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode n = node.get("tags");
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw MlflowException.invalid("Invalid value for parameter 'tags': expected a list of {\"key\", \"value\"}");
        }
        for (JsonNode t : n) {
            if (!t.hasNonNull("key")) {
                throw MlflowException.invalid("every tag needs a \"key\"");
            }
            out.put(t.get("key").asText(), t.hasNonNull("value") ? t.get("value").asText() : null);
        }
        return out;
    }

    JsonNode node(String name) {
        return node.get(name);
    }
}
