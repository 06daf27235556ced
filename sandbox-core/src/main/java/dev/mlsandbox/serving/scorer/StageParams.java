package dev.mlsandbox.serving.scorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The params of one fitted stage as Spark persists them: {@code paramMap} (the params the user
 * set) and {@code defaultParamMap} (the defaults), each value in Spark's JSON encoding
 * ({@code Param.jsonEncode}: doubles may be the strings {@code "NaN"}, {@code "Inf"},
 * {@code "-Inf"}). A saved stage's {@code metadata} file holds exactly these two maps; for an
 * in-memory stage they are encoded the same way, so both routes compile through one reader.
 */
public final class StageParams {

    private final ObjectNode set;
    private final ObjectNode defaults;

    StageParams(JsonNode set, JsonNode defaults) {
        this.set = set instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        this.defaults = defaults instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    }

    /** Whether the user set the param (Spark's {@code isSet}). */
    boolean isSet(String name) {
        return set.has(name);
    }

    /** Whether it has a value, set or default (Spark's {@code isDefined}). */
    boolean isDefined(String name) {
        return set.has(name) || defaults.has(name);
    }

    private JsonNode value(String name) {
        JsonNode v = set.has(name) ? set.get(name) : defaults.get(name);
        if (v == null || v.isNull()) {
            throw new UnsupportedStageException("param '" + name + "' has no value in the saved stage");
        }
        return v;
    }

    String string(String name) {
        return value(name).asText();
    }

    /** The string value, or {@code fallback} when the param is not defined. */
    String string(String name, String fallback) {
        return isDefined(name) ? string(name) : fallback;
    }

    boolean bool(String name) {
        return value(name).asBoolean();
    }

    double number(String name) {
        return number(value(name));
    }

    String[] strings(String name) {
        JsonNode v = value(name);
        String[] out = new String[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i).asText();
        }
        return out;
    }

    double[] doubles(String name) {
        return doubles(value(name));
    }

    double[][] doubleMatrix(String name) {
        JsonNode v = value(name);
        double[][] out = new double[v.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(v.get(i));
        }
        return out;
    }

    private static double[] doubles(JsonNode v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(v.get(i));
        }
        return out;
    }

    /** Spark's DoubleParam JSON: a number, or "NaN", "Inf", "-Inf". */
    static double number(JsonNode v) {
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "NaN" -> Double.NaN;
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> throw new UnsupportedStageException("'" + v.asText() + "' is not a number");
            };
        }
        return v.asDouble();
    }

    /** Both maps, for a compile report. */
    @Override
    public String toString() {
        return "paramMap=" + set + ", defaultParamMap=" + defaults;
    }
}
