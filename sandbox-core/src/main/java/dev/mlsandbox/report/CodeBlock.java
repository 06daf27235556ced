package dev.mlsandbox.report;

import java.util.Objects;

/** Preformatted text: code, an error message, a directory listing. */
public record CodeBlock(String language, String code) implements Block {
    public CodeBlock {
        language = language == null ? "" : language;
        Objects.requireNonNull(code, "code");
    }
}
