package dev.mlsandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.report.JsonRenderer;
import dev.mlsandbox.spark.SparkJvmFlags;

/**
 * The launcher-driven runs on a second JDK (JDK 25 next to the build's 17 on this project's
 * machines), found as a user's would be ({@link Jdks#other()}) and skipped with the reason where
 * none is installed. {@link LauncherIT} covers the launcher itself on both JDKs (with a lab run
 * that saves and reuses the class-data archive); here:
 * <ul>
 *   <li>the pipeline lab through {@code bin/sandbox}, small: it saves a PipelineModel and loads it
 *       back through Hadoop's file system, which on JDK 23+ failed for every write under Spark 4.1
 *       ({@code getSubject is not supported});</li>
 *   <li>the first notebook in a JVM started as a kernel is, with {@code java} and the printed flags.</li>
 * </ul>
 * The rest of the suite runs on the build's JDK only: the code under test is the same bytecode
 * (release 17), and what differs between JDKs (the JVM start, its flags, Hadoop's file-system
 * code) is what these runs cover. The whole tour on the second JDK would cost the tour again
 * (docs/benchmarks.md, "Two JDKs"); it was run by hand when the second JDK was added.
 */
class OtherJdkIT {

    @Test
    void thePipelineLabSavesAndLoadsItsModelOnTheSecondJdk(@TempDir Path dir) throws Exception {
        Jdks.Jdk jdk = LauncherIT.jdk("other");
        Path out = dir.resolve("reports");
        LauncherIT.Run run = LauncherIT.sandbox(dir, Map.of("JAVA_HOME", jdk.home().toString()), 1200,
                "lab", "pipeline", "--rows", "1000", "--out", out.toString());
        assertEquals(0, run.status(), run.stderr());
        assertEquals(out.resolve("pipeline/report.html").toString(), run.stdout().strip());
        assertEquals("sandbox: Java " + jdk.version() + " (" + jdk.home() + ")", run.stderr().lines().findFirst().orElse(""));
        assertFalse(run.stderr().contains("WARNING"), "no JVM warnings: " + run.stderr());
        assertTrue(run.stderr().contains("7/7 steps"), run.stderr());
        var json = JsonRenderer.parse(Files.readString(out.resolve("pipeline/report.json")));
        assertEquals(jdk.major(), Runtime.Version.parse(json.at("/provenance/javaVersion").asText()).feature());
        assertTrue(run.stderr().matches("(?s).*after PipelineModel\\.load, ([0-9]+) of \\1 predictions were identical.*"),
                "the model saved and loaded back: " + run.stderr());
    }

    @Test
    void aNotebookRunsInAKernelLikeJvmOnTheSecondJdk() throws Exception {
        Jdks.Jdk jdk = LauncherIT.jdk("other");
        Path notebook = LauncherIT.ROOT.resolve("docs/notebooks/01-pipeline.ipynb");
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-Xmx2g"));
        command.addAll(SparkJvmFlags.flags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.mlsandbox.notebooks.NotebookMain",
                notebook.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(15, TimeUnit.MINUTES), output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("notebook ok: 01-pipeline.ipynb"), output);
        assertTrue(output.contains("notebooks on Java " + jdk.major()), output);
        assertFalse(output.contains("WARNING"), "no JVM warnings: " + output);
    }
}
