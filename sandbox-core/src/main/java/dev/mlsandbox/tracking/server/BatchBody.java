package dev.mlsandbox.tracking.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlsandbox.http.Request;
import dev.mlsandbox.tracking.store.Entities.Metric;
import dev.mlsandbox.tracking.store.Entities.Param;
import dev.mlsandbox.tracking.store.Entities.Tag;
import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.MlflowException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code runs/log-batch}, read with Jackson's streaming parser straight into metric,
 * param and tag values. A batch is up to 1000 metrics: building a JSON tree first (an object and
 * a hash map per metric) cost the server about as much CPU as inserting the rows. Only the
 * well-formed common case is handled here; any value of an unexpected type is handed to the same
 * checks {@link Request} uses, so the answers (status, code, message) stay exactly as before.
 */
record BatchBody(String runId, List<Metric> metrics, List<Param> params, List<Tag> tags) {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static BatchBody parse(byte[] body, ObjectMapper mapper) {
        if (body.length == 0) {
            return new BatchBody(null, List.of(), List.of(), List.of());
        }
        JsonFactory factory = mapper.getFactory();
        try (JsonParser p = factory.createParser(body)) {
            p.setCodec(mapper);
            JsonToken root = p.nextToken();
            if (root == null || root == JsonToken.VALUE_NULL) {
                return new BatchBody(null, List.of(), List.of(), List.of());
            }
            if (root != JsonToken.START_OBJECT) {
                String type = mapper.readTree(body).getNodeType().name().toLowerCase(Locale.ROOT);
                throw new MlflowException(ErrorCode.MALFORMED_REQUEST, "The request body must be a JSON object, got " + type);
            }
            String runId = null;
            String runUuid = null;
            List<Metric> metrics = List.of();
            List<Param> params = List.of();
            List<Tag> tags = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "run_id" -> runId = string(p, t, "run_id");
                    case "run_uuid" -> runUuid = string(p, t, "run_uuid");
                    case "metrics" -> metrics = entries(p, t, "metrics", BatchBody::metric);
                    case "params" -> params = entries(p, t, "params", (q, e) -> new Param(q.key, q.value));
                    case "tags" -> tags = entries(p, t, "tags", (q, e) -> new Tag(q.key, q.value));
                    default -> p.skipChildren();
                }
            }
            String id = runId == null || runId.isEmpty() ? runUuid : runId;
            return new BatchBody(id, metrics, params, tags);
        } catch (JsonProcessingException e) {
            throw new MlflowException(ErrorCode.MALFORMED_REQUEST, "Malformed JSON in the request body at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()
                    + ". Send a JSON object such as {\"run_id\": \"...\", \"metrics\": [...]}.");
        } catch (IOException e) {
            throw new MlflowException(ErrorCode.MALFORMED_REQUEST, "Could not read the request body: " + e.getMessage());
        }
    }

    /** The fields of one entry of a list; which ones matter depends on the list. */
    private static final class Entry {
        String key;
        String value;
        double number;
        boolean hasNumber;
        Long timestamp;
        Long step;
    }

    private interface Maker<T> {
        T make(Entry fields, String list);
    }

    private static <T> List<T> entries(JsonParser p, JsonToken t, String list, Maker<T> maker) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            JsonNode n = p.readValueAsTree();
            throw MlflowException.invalid("Invalid value for parameter '" + list + "': expected a list, got "
                    + n.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        List<T> out = new ArrayList<>();
        boolean isMetric = list.equals("metrics");
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.START_OBJECT) {
                throw MlflowException.invalid("Invalid value in '" + list + "': each entry must be an object like "
                        + "{\"key\": ..., \"value\": ...}, got " + p.readValueAsTree());
            }
            Entry f = new Entry();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "key" -> f.key = string(p, v, "key");
                    case "value" -> {
                        if (isMetric) {
                            f.hasNumber = v != JsonToken.VALUE_NULL;
                            f.number = f.hasNumber ? number(p, v) : 0;
                        } else {
                            f.value = string(p, v, "value");
                        }
                    }
                    case "timestamp" -> f.timestamp = int64(p, v, "timestamp");
                    case "step" -> f.step = int64(p, v, "step");
                    default -> p.skipChildren();
                }
            }
            out.add(maker.make(f, list));
        }
        return out;
    }

    private static Metric metric(Entry f, String list) {
        if (!f.hasNumber) {
            throw MlflowException.invalid("Missing value for required parameter 'value'.");
        }
        if (f.timestamp == null) {
            throw MlflowException.invalid("Missing value for required parameter 'timestamp' of metric '" + f.key + "'.");
        }
        return new Metric(f.key, f.number, f.timestamp, f.step == null ? 0L : f.step);
    }

    private static String string(JsonParser p, JsonToken t, String name) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NULL -> null;
            default -> Request.string(wrap(p, name), name);
        };
    }

    private static Long int64(JsonParser p, JsonToken t, String name) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        return Request.longValue(wrap(p, name), name);
    }

    private static double number(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        return Request.doubleValue(wrap(p, "value"), "value");
    }

    /** The current value as a one-field object, for the tree-based checks of {@link Request}. */
    private static ObjectNode wrap(JsonParser p, String name) throws IOException {
        JsonNode n = p.readValueAsTree();
        return F.objectNode().set(name, n);
    }
}
