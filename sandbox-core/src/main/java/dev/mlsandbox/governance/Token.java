package dev.mlsandbox.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A lexical token with its 1-based position in the statement. */
record Token(Kind kind, String text, int position) {

    enum Kind { WORD, QUOTED, DOT, COMMA, SEMICOLON, END }

    String keyword() {
        return kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : "";
    }

    boolean isKeyword(String k) {
        return kind == Kind.WORD && text.equalsIgnoreCase(k);
    }

    String describe() {
        return switch (kind) {
            case END -> "the end of the statement";
            case QUOTED -> "`" + text + "`";
            default -> "'" + text + "'";
        };
    }

    static List<Token> tokenize(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '.') {
                out.add(new Token(Kind.DOT, ".", i + 1));
                i++;
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", i + 1));
                i++;
            } else if (c == ';') {
                out.add(new Token(Kind.SEMICOLON, ";", i + 1));
                i++;
            } else if (c == '`') {
                int start = i;
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= sql.length()) {
                        throw new SqlSyntaxError(sql, start + 1, "a closing backtick", "the end of the statement", null);
                    }
                    char d = sql.charAt(i);
                    if (d == '`') {
                        if (i + 1 < sql.length() && sql.charAt(i + 1) == '`') {
                            b.append('`');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    b.append(d);
                    i++;
                }
                out.add(new Token(Kind.QUOTED, b.toString(), start + 1));
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Kind.WORD, sql.substring(start, i), start + 1));
            } else {
                String hint = c == '\'' || c == '"' ? "names are quoted with backticks (`name`), not " + c
                        : "a word, a backtick-quoted name, '.', ',' or ';' (quote names with special characters in backticks)";
                throw new SqlSyntaxError(sql, i + 1, hint, "'" + c + "'", null);
            }
        }
        out.add(new Token(Kind.END, "", sql.length() + 1));
        return out;
    }
}
