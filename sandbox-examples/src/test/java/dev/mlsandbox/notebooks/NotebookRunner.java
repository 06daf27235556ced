package dev.mlsandbox.notebooks;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs a notebook's code cells in order through JShell, in this JVM.
 *
 * <p>{@code executionEngine("local")} makes JShell run snippets in the test JVM, so they see the
 * same classes (and the same SparkSession) and the {@code --add-opens} flags Spark needs; the test
 * classpath is added with {@code addToClasspath} so JShell's compiler resolves the project's types.
 */
final class NotebookRunner {

    /** A problem found in one cell: the cell's index, the snippet, and what went wrong. */
    record Failure(int cellIndex, String snippet, String message) {
        @Override
        public String toString() {
            return "cell " + cellIndex + ": " + message + "\n    in: " + snippet.strip().replaceAll("\\s*\\R\\s*", " ");
        }
    }

    private NotebookRunner() {
    }

    /** Runs every cell; stops at the first failing cell, since later cells depend on earlier ones. */
    static List<Failure> run(Notebook notebook, String classpath) {
        List<Failure> failures = new ArrayList<>();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    shell.addToClasspath(entry);
                }
            }
            for (Notebook.Cell cell : notebook.cells()) {
                failures.addAll(runCell(shell, cell));
                if (!failures.isEmpty()) {
                    break;
                }
            }
        }
        return failures;
    }

    private static List<Failure> runCell(JShell shell, Notebook.Cell cell) {
        List<Failure> failures = new ArrayList<>();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = cell.code();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                failures.add(new Failure(cell.index(), remaining, "incomplete code (" + info.completeness() + ")"));
                return failures;
            }
            String source = info.source();
            remaining = info.remaining();
            for (SnippetEvent event : shell.eval(source)) {
                failures.addAll(check(shell, cell.index(), event));
            }
            if (!failures.isEmpty()) {
                return failures;
            }
        }
        return failures;
    }

    private static List<Failure> check(JShell shell, int cellIndex, SnippetEvent event) {
        List<Failure> failures = new ArrayList<>();
        Snippet snippet = event.snippet();
        if (event.causeSnippet() != null) {
            return failures;  // an update of an earlier snippet caused by this one: judged with its cause
        }
        List<String> errors = shell.diagnostics(snippet).filter(Diag::isError)
                .map(d -> d.getMessage(Locale.ROOT).replaceAll("\\s*\\R\\s*", "; ")).collect(Collectors.toList());
        if (event.status() != Snippet.Status.VALID || !errors.isEmpty()) {
            failures.add(new Failure(cellIndex, snippet.source(), event.status() + (errors.isEmpty() ? "" : ": "
                    + String.join(" | ", errors))));
        }
        if (event.exception() != null) {
            failures.add(new Failure(cellIndex, snippet.source(), describe(event.exception())));
        }
        return failures;
    }

    private static String describe(Throwable exception) {
        if (exception instanceof EvalException e) {
            String cause = e.getCause() == null ? "" : " caused by " + e.getCause();
            return "threw " + e.getExceptionClassName() + ": " + e.getMessage() + cause;
        }
        if (exception instanceof UnresolvedReferenceException e) {
            return "unresolved reference in " + e.getSnippet().source().strip();
        }
        return "threw " + exception;
    }
}
