package dev.mlsandbox.registry.signature;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Python's {@code json.dumps} with its defaults ({@code ", "} and {@code ": "} separators, non-ASCII
 * escaped, floats as {@code repr} prints them), so a signature written here is the text MLflow
 * writes; and the few Python {@code repr}/{@code str} forms MLflow's messages embed.
 */
final class PyJson {
    private PyJson() {
    }

    /** {@code json.dumps(value)} of maps (in their order), lists, strings, numbers, booleans, null and Jackson nodes. */
    static String dumps(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof JsonNode n) {
            node(b, n);
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Boolean x) {
            b.append(x ? "true" : "false");
        } else if (v instanceof Double || v instanceof Float) {
            b.append(floatRepr(((Number) v).doubleValue()));
        } else if (v instanceof Number n) {
            b.append(n);
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                string(b, String.valueOf(e.getKey()));
                b.append(": ");
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                write(b, l.get(i));
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getSimpleName() + " as JSON");
        }
    }

    private static void node(StringBuilder b, JsonNode n) {
        if (n.isObject()) {
            b.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            boolean first = true;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    b.append(", ");
                }
                first = false;
                string(b, e.getKey());
                b.append(": ");
                node(b, e.getValue());
            }
            b.append('}');
        } else if (n.isArray()) {
            b.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                node(b, n.get(i));
            }
            b.append(']');
        } else if (n.isTextual()) {
            string(b, n.asText());
        } else if (n.isFloatingPointNumber()) {
            b.append(floatRepr(n.doubleValue()));
        } else if (n.isNumber()) {
            b.append(n.bigIntegerValue());
        } else if (n.isBoolean()) {
            b.append(n.booleanValue() ? "true" : "false");
        } else {
            b.append("null");
        }
    }

    /** A JSON string as {@code json.dumps} writes it with {@code ensure_ascii=True}. */
    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /** Python's {@code repr(float)}: {@code 0.5}, {@code 1.0}, {@code 1e-05}, {@code 1.5e+16}, {@code inf}. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) {
            String plain = bd.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** Python's {@code repr(str)}: single quotes unless the text has a single quote and no double quote. */
    static String repr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\r') {
                b.append("\\r");
            } else {
                b.append(c);
            }
        }
        return b.append(q).toString();
    }

    /** Python's {@code str()} of a value {@code json.loads} produced: {@code hot}, {@code 1.5}, {@code True}, {@code [1, 'a']}. */
    static String str(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : pyRepr(n);
    }

    private static String pyRepr(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "None";
        }
        if (n.isTextual()) {
            return repr(n.asText());
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? "True" : "False";
        }
        if (n.isFloatingPointNumber()) {
            String f = floatRepr(n.doubleValue());
            return f.equals("NaN") ? "nan" : f.equals("Infinity") ? "inf" : f.equals("-Infinity") ? "-inf" : f;
        }
        if (n.isNumber()) {
            return n.bigIntegerValue().toString();
        }
        StringBuilder b = new StringBuilder();
        if (n.isArray()) {
            b.append('[');
            for (int i = 0; i < n.size(); i++) {
                b.append(i > 0 ? ", " : "").append(pyRepr(n.get(i)));
            }
            return b.append(']').toString();
        }
        b.append('{');
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        boolean first = true;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            b.append(first ? "" : ", ").append(repr(e.getKey())).append(": ").append(pyRepr(e.getValue()));
            first = false;
        }
        return b.append('}').toString();
    }

    /** Python's {@code type(value)} of a JSON value: {@code <class 'str'>}. */
    static String typeOf(JsonNode n) {
        String t;
        if (n == null || n.isNull() || n.isMissingNode()) {
            t = "NoneType";
        } else if (n.isTextual()) {
            t = "str";
        } else if (n.isBoolean()) {
            t = "bool";
        } else if (n.isFloatingPointNumber()) {
            t = "float";
        } else if (n.isNumber()) {
            t = "int";
        } else if (n.isArray()) {
            t = "list";
        } else {
            t = "dict";
        }
        return "<class '" + t + "'>";
    }
}
