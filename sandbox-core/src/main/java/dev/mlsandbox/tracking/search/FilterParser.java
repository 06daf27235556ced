package dev.mlsandbox.tracking.search;

import dev.mlsandbox.tracking.search.Clause.Comparator;
import dev.mlsandbox.tracking.search.Clause.KeyType;
import dev.mlsandbox.http.MlflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses MLflow's filter grammar into {@link Clause}s:
 *
 * <pre>
 * filter     := comparison ( AND comparison )*
 * comparison := identifier comparator value
 * identifier := [type '.'] name        type: metrics|metric|params|param|parameters|parameter|
 *                                             tags|tag|attributes|attribute|attr|run
 * name       := word | `back ticked` | "double quoted"
 * comparator := = | != | > | >= | < | <= | LIKE | ILIKE | IN | NOT IN
 * value      := number | 'string' | "string" | ( string , ... )
 * </pre>
 *
 * Only syntax lives here; which comparator suits which key is checked by {@link SearchRules}.
 * Every error names the position (0-based) and what was expected there.
 */
public final class FilterParser {
    private final String input;
    private final List<Token> tokens;
    private int i;

    private FilterParser(String input) {
        this.input = input;
        this.tokens = new Tokenizer(input).tokens();
    }

    /** Parses a filter; null or blank means "everything". */
    public static List<Clause> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return List.of();
        }
        return new FilterParser(filter).filter();
    }

    private List<Clause> filter() {
        List<Clause> clauses = new ArrayList<>();
        clauses.add(comparison());
        while (!atEnd()) {
            Token t = peek();
            if (t.isWord("AND")) {
                i++;
                if (atEnd()) {
                    throw error(input.length(), "expected a comparison after AND, found the end of the filter");
                }
                clauses.add(comparison());
            } else if (t.isWord("OR")) {
                throw error(t.pos(), "OR is not supported; the grammar is AND-only. Run one search per alternative instead");
            } else {
                throw error(t.pos(), "expected AND or the end of the filter, found '" + t.text() + "'");
            }
        }
        return clauses;
    }

    private Clause comparison() {
        Token first = next("an identifier such as metrics.rmse, params.model, tags.team or attributes.status");
        int pos = first.pos();
        KeyType type;
        String key;
        if (first.kind() == Token.Kind.WORD) {
            String w = first.text();
            int dot = w.indexOf('.');
            if (dot < 0) {
                // "name" or "metrics" followed by ".`quoted`"
                KeyType t = typeOf(w);
                if (t != null && !atEnd() && peek().kind() == Token.Kind.DOT) {
                    i++;
                    Token name = next("a key name after '" + w + ".'");
                    if (name.kind() != Token.Kind.QUOTED_NAME && name.kind() != Token.Kind.WORD) {
                        throw error(name.pos(), "expected a key name after '" + w + ".', found '" + name.text() + "'");
                    }
                    type = t;
                    key = name.text();
                } else {
                    type = KeyType.ATTRIBUTE;
                    key = w;
                }
            } else {
                String prefix = w.substring(0, dot);
                type = typeOf(prefix);
                if (type == null) {
                    throw error(pos, "'" + prefix + "' is not an entity type; use metrics., params., tags. or attributes.");
                }
                key = w.substring(dot + 1);
                if (key.isEmpty()) {
                    Token name = next("a key name after '" + w + "'");
                    if (name.kind() != Token.Kind.QUOTED_NAME) {
                        throw error(name.pos(), "expected a key name after '" + w + "', found '" + name.text() + "'");
                    }
                    key = name.text();
                }
            }
        } else if (first.kind() == Token.Kind.QUOTED_NAME) {
            type = KeyType.ATTRIBUTE;
            key = first.text();
        } else {
            throw error(pos, "expected an identifier such as metrics.rmse, found '" + first.text() + "'");
        }
        Comparator cmp = comparator(key);
        Object value;
        if (cmp == Comparator.IN || cmp == Comparator.NOT_IN) {
            value = list();
        } else {
            Token v = next("a value after '" + cmp.text() + "'");
            value = switch (v.kind()) {
                case NUMBER -> Double.valueOf(v.text());
                case STRING -> v.text();
                // double quotes are strings on the right-hand side
                case QUOTED_NAME -> {
                    if (v.raw().startsWith("`")) {
                        throw error(v.pos(), "back ticks quote names, not values; quote the value with ' or \"");
                    }
                    yield v.text();
                }
                default -> throw error(v.pos(), "expected a number or a quoted string after '" + cmp.text() + "', found '"
                        + v.text() + "'");
            };
        }
        return new Clause(type, key, cmp, value, pos);
    }

    private Comparator comparator(String key) {
        Token t = next("a comparator (=, !=, >, >=, <, <=, LIKE, ILIKE, IN) after '" + key + "'");
        if (t.kind() == Token.Kind.OP) {
            return switch (t.text()) {
                case "=", "==" -> Comparator.EQ;
                case "!=", "<>" -> Comparator.NE;
                case ">" -> Comparator.GT;
                case ">=" -> Comparator.GE;
                case "<" -> Comparator.LT;
                case "<=" -> Comparator.LE;
                default -> throw error(t.pos(), "unknown comparator '" + t.text() + "'");
            };
        }
        if (t.isWord("LIKE")) {
            return Comparator.LIKE;
        }
        if (t.isWord("ILIKE")) {
            return Comparator.ILIKE;
        }
        if (t.isWord("IN")) {
            return Comparator.IN;
        }
        if (t.isWord("NOT") && !atEnd() && peek().isWord("IN")) {
            i++;
            return Comparator.NOT_IN;
        }
        throw error(t.pos(), "expected a comparator (=, !=, >, >=, <, <=, LIKE, ILIKE, IN) after '" + key + "', found '"
                + t.text() + "'");
    }

    private List<String> list() {
        Token open = next("'(' to open the list of values");
        if (open.kind() != Token.Kind.LPAREN) {
            throw error(open.pos(), "expected '(' to open a list of quoted values, found '" + open.text() + "'");
        }
        List<String> values = new ArrayList<>();
        while (true) {
            Token v = next("a quoted string in the list");
            if (v.kind() != Token.Kind.STRING && !(v.kind() == Token.Kind.QUOTED_NAME && v.raw().startsWith("\""))) {
                throw error(v.pos(), "expected a quoted string in the list, found '" + v.text() + "'");
            }
            values.add(v.text());
            Token sep = next("',' or ')'");
            if (sep.kind() == Token.Kind.RPAREN) {
                return values;
            }
            if (sep.kind() != Token.Kind.COMMA) {
                throw error(sep.pos(), "expected ',' or ')' in the list of values, found '" + sep.text() + "'");
            }
        }
    }

    static KeyType typeOf(String prefix) {
        return switch (prefix.toLowerCase(Locale.ROOT)) {
            case "metric", "metrics" -> KeyType.METRIC;
            case "param", "params", "parameter", "parameters" -> KeyType.PARAM;
            case "tag", "tags" -> KeyType.TAG;
            case "attribute", "attributes", "attr", "run" -> KeyType.ATTRIBUTE;
            default -> null;
        };
    }

    private boolean atEnd() {
        return i >= tokens.size();
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token next(String expected) {
        if (atEnd()) {
            throw error(input.length(), "expected " + expected + ", found the end of the filter");
        }
        return tokens.get(i++);
    }

    private MlflowException error(int pos, String message) {
        return SearchError.at(input, pos, message);
    }
}
