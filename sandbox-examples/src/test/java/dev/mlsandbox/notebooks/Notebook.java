package dev.mlsandbox.notebooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Jupyter notebook (nbformat 4) read as the test runner needs it: its kernel metadata and its
 * code cells, with kernel magics removed.
 *
 * <p>The magic rule: a line whose first non-blank character is {@code %} ({@code %maven ...},
 * {@code %classpath ...}, {@code %jars ...}) is a JJava line magic and is dropped, because the test
 * already runs on the project's classpath. A cell whose first line starts with {@code %%} is a cell
 * magic and is skipped whole.
 *
 * @param path       the file
 * @param kernelName {@code metadata.kernelspec.name}
 * @param kernelDisplayName {@code metadata.kernelspec.display_name}
 * @param kernelLanguage {@code metadata.kernelspec.language}
 * @param languageName {@code metadata.language_info.name}
 * @param cells      the code cells, in order, with their index among all cells
 */
record Notebook(Path path, String kernelName, String kernelDisplayName, String kernelLanguage, String languageName,
                List<Cell> cells) {

    /** One code cell: its index among all cells of the notebook, and its code without magics. */
    record Cell(int index, String code) {
    }

    static Notebook read(Path path) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(path));
        JsonNode kernel = root.at("/metadata/kernelspec");
        List<Cell> cells = new ArrayList<>();
        JsonNode all = root.path("cells");
        for (int i = 0; i < all.size(); i++) {
            JsonNode cell = all.get(i);
            if (!"code".equals(cell.path("cell_type").asText())) {
                continue;
            }
            String source = source(cell.path("source"));
            if (source.stripLeading().startsWith("%%")) {
                continue;
            }
            cells.add(new Cell(i, withoutLineMagics(source)));
        }
        return new Notebook(path, kernel.path("name").asText(null), kernel.path("display_name").asText(null),
                kernel.path("language").asText(null), root.at("/metadata/language_info/name").asText(null), cells);
    }

    /** nbformat allows the source as one string or as a list of lines (each keeping its newline). */
    private static String source(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        StringBuilder text = new StringBuilder();
        node.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    static String withoutLineMagics(String source) {
        StringBuilder kept = new StringBuilder();
        for (String line : source.split("\\R", -1)) {
            // Keep the line count, so JShell's positions still match the cell's lines.
            kept.append(line.stripLeading().startsWith("%") ? "" : line).append('\n');
        }
        return kept.toString();
    }
}
