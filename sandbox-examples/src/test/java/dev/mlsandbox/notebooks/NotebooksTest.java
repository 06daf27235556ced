package dev.mlsandbox.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.mlsandbox.testing.SharedSpark;

/**
 * Executes every code cell of every notebook in {@code docs/notebooks/} in order, through JShell,
 * and fails on a rejected snippet, a compile error or an exception, naming the notebook, the cell
 * and the message. Kernel magics are skipped (see {@link Notebook}). New notebooks are picked up
 * by their {@code .ipynb} extension; nothing needs registering.
 */
class NotebooksTest {

    /** The notebooks folder, relative to this module (surefire runs in the module's directory). */
    static final Path NOTEBOOKS = Path.of("..", "docs", "notebooks");

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsCellByCell() throws IOException {
        List<Path> notebooks = notebooks();
        assertFalse(notebooks.isEmpty(), "no notebooks found in " + NOTEBOOKS.toAbsolutePath().normalize());
        // Notebooks reuse the test JVM's one SparkSession through Sandbox.local(): start it first.
        SharedSpark.session();
        return notebooks.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> runOne(path)));
    }

    private static void runOne(Path path) throws IOException {
        Notebook notebook = Notebook.read(path);
        String name = path.getFileName().toString();
        assertEquals("java", notebook.kernelName(), name + ": metadata.kernelspec.name");
        assertEquals("Java", notebook.kernelDisplayName(), name + ": metadata.kernelspec.display_name");
        assertEquals("java", notebook.kernelLanguage(), name + ": metadata.kernelspec.language");
        assertEquals("java", notebook.languageName(), name + ": metadata.language_info.name");
        assertFalse(notebook.cells().isEmpty(), name + " has no code cells");
        List<NotebookRunner.Failure> failures = NotebookRunner.run(notebook, classpath());
        if (!failures.isEmpty()) {
            fail(name + " failed:\n  " + String.join("\n  ", failures.stream().map(Object::toString).toList()));
        }
        assertFalse(SharedSpark.session().sparkContext().isStopped(), name + " stopped the JVM's SparkSession"
                + " (sandbox.close() or spark.stop()): a notebook leaves the session to its kernel");
    }

    static List<Path> notebooks() throws IOException {
        if (!Files.isDirectory(NOTEBOOKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    /** Surefire's test classpath (it may launch the JVM through a manifest-only jar). */
    static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    @Test
    void magicLinesAreDroppedButLineNumbersKept() {
        String code = "%maven dev.mlsandbox:sandbox-core:0.1.0-SNAPSHOT\n  %classpath x.jar\nint a = 1;";
        assertEquals("\n\nint a = 1;\n", Notebook.withoutLineMagics(code));
    }

    @Test
    void theRunnerReportsTheCellAndTheMessageOfAFailure(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.ipynb");
        Files.writeString(bad, """
                {"cells": [
                  {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": ["int x = 1;\\n"]},
                  {"cell_type": "markdown", "metadata": {}, "source": ["text"]},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
                   "source": ["%maven some:thing:1\\n", "String s = x;\\n"]},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": "int[] a = new int[0]; int b = a[1];"}
                ],
                 "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"},
                              "language_info": {"name": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        Notebook notebook = Notebook.read(bad);
        assertEquals(List.of(0, 2, 3), notebook.cells().stream().map(Notebook.Cell::index).toList());
        List<NotebookRunner.Failure> failures = NotebookRunner.run(notebook, classpath());
        assertEquals(1, failures.size(), failures.toString());
        assertEquals(2, failures.get(0).cellIndex());
        assertTrue(failures.get(0).message().contains("REJECTED"), failures.get(0).message());
        assertTrue(failures.get(0).message().contains("incompatible types"), failures.get(0).message());

        Files.writeString(bad, Files.readString(bad).replace("String s = x;", "int s = x;"));
        failures = NotebookRunner.run(Notebook.read(bad), classpath());
        assertEquals(1, failures.size(), failures.toString());
        assertEquals(3, failures.get(0).cellIndex());
        assertTrue(failures.get(0).message().contains("ArrayIndexOutOfBoundsException"), failures.get(0).message());
    }
}
