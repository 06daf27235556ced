package dev.mlsandbox.report;

import java.util.Objects;

/**
 * A paragraph of text. Inline {@code `code`} spans are the only markup, rendered as code in
 * Markdown and HTML alike.
 */
public record Paragraph(String text) implements Block {
    public Paragraph {
        Objects.requireNonNull(text, "text");
    }
}
