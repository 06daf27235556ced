package dev.mlsandbox.pipeline;

import dev.mlsandbox.lab.TempDirectories;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;

/**
 * Shows that a Pipeline cannot transform: by reflection on the live classes, and by asking javac
 * to compile {@code pipeline.transform(df)} against the running classpath.
 */
public final class TransformProbe {

    /** What PySpark raises: Python finds no attribute, because Pipeline defines no transform. */
    static final String PYSPARK_ERROR = "AttributeError: 'Pipeline' object has no attribute 'transform'";
    static final String CORRECT_SEQUENCE =
            "PipelineModel model = pipeline.fit(train);  Dataset<Row> scored = model.transform(test);";
    /** What javac says when it can run here; used as the documented answer when it cannot. */
    static final String JAVAC_DOCUMENTED = "error: cannot find symbol; symbol: method transform(Dataset<Row>); "
            + "location: variable pipeline of type Pipeline";

    private static final String SOURCE = """
            import org.apache.spark.ml.Pipeline;
            import org.apache.spark.sql.Dataset;
            import org.apache.spark.sql.Row;
            class TransformOnPipeline {
                Dataset<Row> score(Pipeline pipeline, Dataset<Row> df) {
                    return pipeline.transform(df);
                }
            }
            """;

    private TransformProbe() {
    }

    public static TransformCheck run(boolean compile) {
        boolean hasTransform = Arrays.stream(Pipeline.class.getMethods()).anyMatch(m -> m.getName().equals("transform"));
        List<String> ancestry = new ArrayList<>();
        for (Class<?> c = Pipeline.class.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            ancestry.add(c.getSimpleName());
        }
        String javac = compile ? compilerMessage() : "not run (" + JAVAC_DOCUMENTED + ")";
        return new TransformCheck(Transformer.class.isAssignableFrom(Pipeline.class), hasTransform, ancestry,
                Transformer.class.isAssignableFrom(PipelineModel.class), javac, PYSPARK_ERROR, CORRECT_SEQUENCE);
    }

    /** The first error javac reports for {@link #SOURCE}, on one line; or why it could not run. */
    static String compilerMessage() {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            return "javac is not available in this JVM (a JRE); javac says: " + JAVAC_DOCUMENTED;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sandbox-javac");
            Path source = dir.resolve("TransformOnPipeline.java");
            Files.writeString(source, SOURCE);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                List<String> options = List.of("-proc:none", "-d", dir.toString(),
                        "-classpath", System.getProperty("java.class.path"));
                boolean ok = compiler.getTask(new StringWriter(), files, diagnostics, options, null,
                        files.getJavaFileObjects(source.toFile())).call();
                if (ok) {
                    return "javac compiled pipeline.transform(df): unexpected for this Spark version";
                }
            }
            return diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> "line " + d.getLineNumber() + ": error: " + d.getMessage(Locale.ROOT))
                    .map(m -> m.replaceAll("\\s*\\R\\s*", "; ").replaceAll("\\s+", " "))
                    .filter(m -> m.contains("transform"))
                    .findFirst()
                    .orElse("javac could not see Spark on this classpath; javac says: " + JAVAC_DOCUMENTED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the javac probe to a temp dir: " + e.getMessage(), e);
        } finally {
            TempDirectories.deleteQuietly(dir);
        }
    }
}
