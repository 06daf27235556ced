package dev.mlsandbox.tracking.search;

import dev.mlsandbox.tracking.search.Clause.KeyType;
import dev.mlsandbox.http.MlflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One {@code order_by} entry such as {@code metrics.rmse DESC} or {@code attributes.start_time}. */
public record OrderBy(KeyType type, String key, boolean ascending) {

    public static List<OrderBy> runs(List<String> clauses) {
        return parseAll(clauses, SearchRules.RUN_STRING_ATTRIBUTES, SearchRules.RUN_NUMERIC_ATTRIBUTES, true);
    }

    public static List<OrderBy> experiments(List<String> clauses) {
        return parseAll(clauses, SearchRules.EXPERIMENT_STRING_ATTRIBUTES, SearchRules.EXPERIMENT_NUMERIC_ATTRIBUTES, false);
    }

    private static List<OrderBy> parseAll(List<String> clauses, Map<String, String> strings, Map<String, String> numbers,
            boolean runs) {
        List<OrderBy> out = new ArrayList<>();
        if (clauses == null) {
            return out;
        }
        for (String c : clauses) {
            OrderBy o = parse(c);
            if (o.type == KeyType.ATTRIBUTE && !strings.containsKey(o.key) && !numbers.containsKey(o.key)) {
                throw MlflowException.invalid("Invalid order_by clause '" + c + "': '" + o.key + "' is not an attribute you can "
                        + "order by; valid: " + new java.util.TreeSet<>(keys(strings, numbers)) + (runs ? ", or metrics./params./tags. keys" : ", or tags. keys"));
            }
            if (!runs && (o.type == KeyType.METRIC || o.type == KeyType.PARAM)) {
                throw MlflowException.invalid("Invalid order_by clause '" + c + "': experiments have no metrics or params");
            }
            out.add(o);
        }
        return out;
    }

    private static java.util.Set<String> keys(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    static OrderBy parse(String clause) {
        if (clause == null || clause.isBlank()) {
            throw MlflowException.invalid("Invalid order_by clause '': give an identifier such as 'metrics.rmse DESC'");
        }
        List<Token> tokens;
        try {
            tokens = new Tokenizer(clause).tokens();
        } catch (MlflowException e) {
            throw MlflowException.invalid("Invalid order_by clause '" + clause + "': " + e.getMessage());
        }
        int i = 0;
        KeyType type = KeyType.ATTRIBUTE;
        String key;
        Token first = tokens.get(i++);
        if (first.kind() == Token.Kind.WORD && first.text().contains(".")) {
            String w = first.text();
            int dot = w.indexOf('.');
            type = FilterParser.typeOf(w.substring(0, dot));
            if (type == null) {
                throw MlflowException.invalid("Invalid order_by clause '" + clause + "': '" + w.substring(0, dot)
                        + "' is not an entity type; use metrics., params., tags. or attributes.");
            }
            key = w.substring(dot + 1);
            if (key.isEmpty()) {
                if (i >= tokens.size() || tokens.get(i).kind() != Token.Kind.QUOTED_NAME) {
                    throw MlflowException.invalid("Invalid order_by clause '" + clause + "': expected a key name after '" + w + "'");
                }
                key = tokens.get(i++).text();
            }
        } else if (first.kind() == Token.Kind.WORD || first.kind() == Token.Kind.QUOTED_NAME) {
            key = first.text();
        } else {
            throw MlflowException.invalid("Invalid order_by clause '" + clause + "': expected an identifier such as metrics.rmse");
        }
        boolean asc = true;
        if (i < tokens.size()) {
            Token dir = tokens.get(i++);
            if (dir.isWord("DESC")) {
                asc = false;
            } else if (!dir.isWord("ASC")) {
                throw MlflowException.invalid("Invalid order_by clause '" + clause + "' at position " + dir.pos()
                        + ": expected ASC or DESC, found '" + dir.text() + "'");
            }
        }
        if (i < tokens.size()) {
            throw MlflowException.invalid("Invalid order_by clause '" + clause + "' at position " + tokens.get(i).pos()
                    + ": unexpected '" + tokens.get(i).text() + "' after the direction; one key per clause");
        }
        return new OrderBy(type, key, asc);
    }
}
