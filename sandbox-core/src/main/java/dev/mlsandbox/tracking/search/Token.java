package dev.mlsandbox.tracking.search;

import java.util.Locale;

/** A lexical token of a filter; {@code text} is unquoted, {@code raw} is as written. */
record Token(Kind kind, String text, String raw, int pos) {
    enum Kind {
        WORD, NUMBER, STRING, QUOTED_NAME, OP, LPAREN, RPAREN, COMMA, DOT
    }

    boolean isWord(String upper) {
        return kind == Kind.WORD && text.toUpperCase(Locale.ROOT).equals(upper);
    }
}
