package dev.mlsandbox.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@code report.html}, {@code report.md} and {@code report.json} into a directory.
 *
 * <p>Each file is written to a temporary sibling and moved into place, so a reader (or a crash)
 * never sees half a report.
 */
public final class ReportWriter {

    private final JsonRenderer json = new JsonRenderer();
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final HtmlRenderer html = new HtmlRenderer();

    /** The three files of one report. */
    public record ReportFiles(Path html, Path markdown, Path json) {
    }

    /** The three renderings in memory, by file name (report.html, report.md, report.json). */
    public static java.util.Map<String, String> render(Report report) {
        ReportWriter w = new ReportWriter();
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("report.html", w.html.render(report));
        files.put("report.md", w.markdown.render(report));
        files.put("report.json", w.json.render(report));
        return files;
    }

    public ReportFiles write(Report report, Path directory) {
        // Render everything first: a renderer failure must not leave some files new and some old.
        String jsonText = json.render(report);
        String markdownText = markdown.render(report);
        String htmlText = html.render(report);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create report directory " + directory + ": " + e.getMessage(), e);
        }
        Path jsonFile = directory.resolve("report.json");
        Path markdownFile = directory.resolve("report.md");
        Path htmlFile = directory.resolve("report.html");
        writeAtomically(jsonFile, jsonText);
        writeAtomically(markdownFile, markdownText);
        writeAtomically(htmlFile, htmlText);
        return new ReportFiles(htmlFile, markdownFile, jsonFile);
    }

    /** Writes text to a temporary sibling, then moves it over the target. */
    public static void writeAtomically(Path target, String text) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one worth reporting
                }
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
