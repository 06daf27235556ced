package dev.mlsandbox.serving.protocol;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** Python's {@code repr} of the values MLflow's messages print: strings, lists, sets, types, JSON values. */
final class PythonRepr {

    private PythonRepr() {
    }

    /** {@code 'text'}, or {@code "it's"} when the text holds a single quote and no double quote. */
    static String string(String s) {
        boolean useDouble = s.indexOf('\'') >= 0 && s.indexOf('"') < 0;
        char q = useDouble ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c == q) {
                        b.append('\\');
                    }
                    b.append(c);
                }
            }
        }
        return b.append(q).toString();
    }

    static String list(List<String> items) {
        return items.stream().map(PythonRepr::string).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A set in insertion order (Python prints sets in hash order, which varies between processes). */
    static String set(List<String> items) {
        return items.isEmpty() ? "set()" : items.stream().map(PythonRepr::string).collect(Collectors.joining(", ", "{", "}"));
    }

    /** {@code <class 'str'>} for the Python type json.loads gives a JSON value. */
    static String type(JsonNode v) {
        String t;
        if (v == null || v.isNull()) {
            t = "NoneType";
        } else if (v.isTextual()) {
            t = "str";
        } else if (v.isBoolean()) {
            t = "bool";
        } else if (v.isIntegralNumber()) {
            t = "int";
        } else if (v.isNumber()) {
            t = "float";
        } else if (v.isArray()) {
            t = "list";
        } else {
            t = "dict";
        }
        return "<class '" + t + "'>";
    }

    /** A JSON value as Python prints the object json.loads made of it. */
    static String value(JsonNode v) {
        if (v == null || v.isNull()) {
            return "None";
        }
        if (v.isTextual()) {
            return string(v.asText());
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "True" : "False";
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            return number(v.asDouble());
        }
        if (v.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(value(v.get(i)));
            }
            return b.append(']').toString();
        }
        StringBuilder b = new StringBuilder("{");
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        boolean first = true;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            b.append(first ? "" : ", ").append(string(e.getKey())).append(": ").append(value(e.getValue()));
            first = false;
        }
        return b.append('}').toString();
    }

    /** A float as Python prints it: {@code nan}, {@code inf}, {@code 1.0}, {@code 1e-05}. */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return String.format("%.1f", d);
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        int exp = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
}
