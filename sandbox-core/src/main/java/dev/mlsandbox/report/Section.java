package dev.mlsandbox.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A titled part of a report. */
public record Section(String title, List<Block> blocks) {
    public Section {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }

    public static Section of(String title, Block... blocks) {
        return new Section(title, List.of(blocks));
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Adds blocks in reading order. */
    public static final class Builder {
        private final String title;
        private final List<Block> blocks = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder text(String text) {
            blocks.add(new Paragraph(text));
            return this;
        }

        public Builder code(String language, String code) {
            blocks.add(new CodeBlock(language, code));
            return this;
        }

        public Builder add(Block block) {
            blocks.add(block);
            return this;
        }

        public Section build() {
            return new Section(title, blocks);
        }
    }
}
