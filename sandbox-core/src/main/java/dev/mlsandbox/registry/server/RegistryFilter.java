package dev.mlsandbox.registry.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mlsandbox.store.Dialect;
import dev.mlsandbox.http.MlflowException;

/**
 * The filter and order_by strings of the registry's search endpoints, as MLflow accepts them:
 * {@code name = 'x'}, {@code name LIKE 'churn%'}, {@code name ILIKE '%CHURN%'},
 * {@code name != 'x'}, {@code run_id IN ('a', 'b')}, {@code tags.team = 'ml'} (or
 * {@code tags.`my key`}), joined with AND. LIKE is case-sensitive, ILIKE is not, as in MLflow.
 */
final class RegistryFilter {

    enum Target { MODELS, VERSIONS }

    record Compiled(String sql, List<Object> args) {
    }

    private static final Map<String, String> MODEL_FIELDS = Map.of("name", "m.name");
    private static final Map<String, String> VERSION_FIELDS = Map.of("name", "v.name", "run_id", "v.run_id",
            "source_path", "v.source", "version_number", "v.version");

    private final String text;
    private final Target target;
    private final Dialect dialect;
    private int at;

    private RegistryFilter(String text, Target target, Dialect dialect) {
        this.text = text;
        this.target = target;
        this.dialect = dialect;
    }

    static Compiled compile(String filter, Target target, Dialect dialect) {
        if (filter == null || filter.isBlank()) {
            return new Compiled("1 = 1", List.of());
        }
        return new RegistryFilter(filter, target, dialect).parse();
    }

    private Compiled parse() {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        do {
            clause(parts, args);
            skipSpace();
        } while (keyword("AND"));
        skipSpace();
        if (at < text.length()) {
            throw bad("expected AND or the end of the filter at position " + (at + 1));
        }
        return new Compiled(String.join(" AND ", parts), args);
    }

    private void clause(List<String> parts, List<Object> args) {
        skipSpace();
        String key = identifier();
        String column;
        String tagKey = null;
        if (key.toLowerCase(Locale.ROOT).startsWith("tags.")) {
            tagKey = key.substring(5);
            if (tagKey.startsWith("`") && tagKey.endsWith("`") && tagKey.length() > 1) {
                tagKey = tagKey.substring(1, tagKey.length() - 1);
            }
            column = "t.value";
        } else {
            Map<String, String> fields = target == Target.MODELS ? MODEL_FIELDS : VERSION_FIELDS;
            column = fields.get(key.toLowerCase(Locale.ROOT));
            if (column == null) {
                throw bad("unsupported attribute '" + key + "' in the filter; use " + String.join(", ", fields.keySet())
                        + " or tags.<key>");
            }
        }
        skipSpace();
        String op = operator();
        skipSpace();
        String condition;
        List<Object> values = new ArrayList<>();
        if (op.equals("IN")) {
            values.addAll(list());
            condition = column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")";
        } else {
            Object v = value();
            values.add(v);
            condition = switch (op) {
                case "=" -> column + " = ?";
                case "!=" -> column + " <> ?";
                case "LIKE" -> like(column, false, values);
                case "ILIKE" -> like(column, true, values);
                default -> throw bad("unsupported operator " + op);
            };
        }
        if (tagKey != null) {
            String table = target == Target.MODELS ? "registered_model_tags t WHERE t.name = m.name"
                    : "model_version_tags t WHERE t.name = v.name AND t.version = v.version";
            parts.add("EXISTS (SELECT 1 FROM " + table + " AND t.key = ? AND " + condition + ")");
            args.add(tagKey);
        } else {
            parts.add(condition);
        }
        args.addAll(values);
    }

    /** SQLite's LIKE ignores case, so a case-sensitive LIKE becomes GLOB there. */
    private String like(String column, boolean ignoreCase, List<Object> values) {
        String pattern = String.valueOf(values.get(0));
        if (ignoreCase) {
            values.set(0, pattern.toLowerCase(Locale.ROOT));
            return "LOWER(" + column + ") LIKE ?";
        }
        if (dialect == Dialect.SQLITE) {
            StringBuilder glob = new StringBuilder();
            for (char ch : pattern.toCharArray()) {
                switch (ch) {
                    case '%' -> glob.append('*');
                    case '_' -> glob.append('?');
                    case '*', '?', '[' -> glob.append('[').append(ch).append(']');
                    default -> glob.append(ch);
                }
            }
            values.set(0, glob.toString());
            return column + " GLOB ?";
        }
        return column + " LIKE ?";
    }

    private String identifier() {
        int start = at;
        while (at < text.length()) {
            char ch = text.charAt(at);
            if (ch == '`') {
                int close = text.indexOf('`', at + 1);
                if (close < 0) {
                    throw bad("unclosed backtick at position " + (at + 1));
                }
                at = close + 1;
            } else if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '.' || ch == '-') {
                at++;
            } else {
                break;
            }
        }
        if (start == at) {
            throw bad("expected an attribute such as name or tags.<key> at position " + (start + 1));
        }
        return text.substring(start, at);
    }

    private String operator() {
        for (String op : List.of("!=", "=")) {
            if (text.startsWith(op, at)) {
                at += op.length();
                return op;
            }
        }
        for (String op : List.of("ILIKE", "LIKE", "IN")) {
            if (keyword(op)) {
                return op;
            }
        }
        throw bad("expected =, !=, LIKE, ILIKE or IN at position " + (at + 1));
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = at + word.length();
        if (end <= text.length() && text.substring(at, end).equalsIgnoreCase(word)
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            at = end;
            return true;
        }
        return false;
    }

    private Object value() {
        if (at >= text.length()) {
            throw bad("expected a value at the end of the filter");
        }
        char q = text.charAt(at);
        if (q == '\'' || q == '"') {
            int close = text.indexOf(q, at + 1);
            if (close < 0) {
                throw bad("unclosed quote at position " + (at + 1));
            }
            String v = text.substring(at + 1, close);
            at = close + 1;
            return v;
        }
        int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
            at++;
        }
        if (start == at) {
            throw bad("expected a quoted string or a number at position " + (start + 1));
        }
        return Long.parseLong(text.substring(start, at));
    }

    private List<Object> list() {
        if (at >= text.length() || text.charAt(at) != '(') {
            throw bad("expected '(' after IN at position " + (at + 1));
        }
        at++;
        List<Object> out = new ArrayList<>();
        while (true) {
            skipSpace();
            out.add(value());
            skipSpace();
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
                continue;
            }
            if (at < text.length() && text.charAt(at) == ')') {
                at++;
                return out;
            }
            throw bad("expected ',' or ')' at position " + (at + 1));
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private MlflowException bad(String why) {
        return MlflowException.invalid("Invalid filter '" + text + "': " + why);
    }

    static String orderBy(List<String> orderBy, Target target) {
        Map<String, String> cols = target == Target.MODELS
                ? Map.of("name", "m.name", "last_updated_timestamp", "m.last_updated_time", "creation_timestamp", "m.creation_time")
                : Map.of("name", "v.name", "version_number", "v.version", "creation_timestamp", "v.creation_time",
                        "last_updated_timestamp", "v.last_updated_time");
        List<String> out = new ArrayList<>();
        for (String clause : orderBy == null ? List.<String>of() : orderBy) {
            String[] words = clause.trim().split("\\s+");
            String col = cols.get(words[0].toLowerCase(Locale.ROOT));
            if (col == null || words.length > 2) {
                throw MlflowException.invalid("Invalid order_by clause '" + clause + "': use one of " + cols.keySet()
                        + " followed by ASC or DESC");
            }
            String dir = words.length == 2 ? words[1].toUpperCase(Locale.ROOT) : "ASC";
            if (!dir.equals("ASC") && !dir.equals("DESC")) {
                throw MlflowException.invalid("Invalid order_by clause '" + clause + "': the direction must be ASC or DESC");
            }
            out.add(col + " " + dir);
        }
        out.add(target == Target.MODELS ? "m.name ASC" : "v.name ASC, v.version DESC");
        return String.join(", ", out);
    }

    static long offset(String pageToken) {
        if (pageToken == null || pageToken.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw MlflowException.invalid("Invalid page_token '" + pageToken + "': pass the next_page_token of a previous"
                    + " answer unchanged");
        }
    }

    static String token(long offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(offset).getBytes(StandardCharsets.UTF_8));
    }
}
