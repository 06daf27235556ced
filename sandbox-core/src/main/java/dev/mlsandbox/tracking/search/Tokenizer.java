package dev.mlsandbox.tracking.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a filter into tokens. Single-quoted text is a string; double-quoted and back-ticked text
 * is a quoted name (a string again when it stands on the right-hand side); a backslash escapes
 * the quote character inside quotes.
 */
final class Tokenizer {
    private final String s;
    private int p;

    Tokenizer(String s) {
        this.s = s;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (true) {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            if (p >= s.length()) {
                return out;
            }
            int start = p;
            char c = s.charAt(p);
            if (c == '\'' ) {
                String v = quoted(c);
                out.add(new Token(Token.Kind.STRING, v, s.substring(start, p), start));
            } else if (c == '"' || c == '`') {
                String v = quoted(c);
                out.add(new Token(Token.Kind.QUOTED_NAME, v, s.substring(start, p), start));
            } else if (c == '(') {
                p++;
                out.add(new Token(Token.Kind.LPAREN, "(", "(", start));
            } else if (c == ')') {
                p++;
                out.add(new Token(Token.Kind.RPAREN, ")", ")", start));
            } else if (c == ',') {
                p++;
                out.add(new Token(Token.Kind.COMMA, ",", ",", start));
            } else if (c == '.' && (p + 1 >= s.length() || !Character.isDigit(s.charAt(p + 1)))) {
                p++;
                out.add(new Token(Token.Kind.DOT, ".", ".", start));
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                p++;
                if (p < s.length() && (s.charAt(p) == '=' || (c == '<' && s.charAt(p) == '>'))) {
                    p++;
                }
                String op = s.substring(start, p);
                if (op.equals("!")) {
                    throw SearchError.at(s, start, "'!' must be followed by '=' (the comparator is !=)");
                }
                out.add(new Token(Token.Kind.OP, op, op, start));
            } else if (isNumberStart(c)) {
                p++;
                while (p < s.length() && (Character.isDigit(s.charAt(p)) || "eE.+-".indexOf(s.charAt(p)) >= 0)) {
                    char d = s.charAt(p);
                    if ((d == '+' || d == '-') && !(s.charAt(p - 1) == 'e' || s.charAt(p - 1) == 'E')) {
                        break;
                    }
                    p++;
                }
                String num = s.substring(start, p);
                try {
                    Double.parseDouble(num);
                } catch (NumberFormatException e) {
                    throw SearchError.at(s, start, "'" + num + "' is not a number");
                }
                out.add(new Token(Token.Kind.NUMBER, num, num, start));
            } else if (isWordChar(c)) {
                // A word may contain dots: metrics.val.loss is metric "val.loss". It ends at a quote
                // (metrics.`a b`) so the quoted part becomes its own token.
                while (p < s.length() && (isWordChar(s.charAt(p)) || s.charAt(p) == '.')) {
                    p++;
                }
                String w = s.substring(start, p);
                out.add(new Token(Token.Kind.WORD, w, w, start));
            } else {
                throw SearchError.at(s, start, "unexpected character '" + c + "'");
            }
        }
    }

    private boolean isNumberStart(char c) {
        if (Character.isDigit(c)) {
            return true;
        }
        if ((c == '-' || c == '+' || c == '.') && p + 1 < s.length()) {
            char n = s.charAt(p + 1);
            return Character.isDigit(n) || (n == '.' && c != '.');
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private String quoted(char q) {
        int start = p;
        p++;
        StringBuilder b = new StringBuilder();
        while (p < s.length()) {
            char c = s.charAt(p);
            if (c == '\\' && p + 1 < s.length() && s.charAt(p + 1) == q) {
                b.append(q);
                p += 2;
                continue;
            }
            if (c == q) {
                p++;
                return b.toString();
            }
            b.append(c);
            p++;
        }
        throw SearchError.at(s, start, "the quote " + q + " opened here is never closed");
    }
}
