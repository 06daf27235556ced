package dev.mlsandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.Labs;
import dev.mlsandbox.report.JsonRenderer;
import dev.mlsandbox.testing.SharedSpark;

/** The tour end to end, as {@code bin/sandbox tour} runs it: every lab, one session, an index. */
class TourTest {

    @Test
    void tourWritesEveryLabsReportsAndAnIndex(@TempDir Path out) throws Exception {
        SharedSpark.session();  // the tour must reuse, not stop, a session it did not start
        SandboxCliTest.Run run = SandboxCliTest.run("tour", "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        Path index = out.resolve("index.html");
        assertEquals(index.toString(), run.out().strip());
        String html = Files.readString(index);
        assertEquals(java.util.List.of("pipeline", "tuning", "tracking", "registry", "drift", "retraining"), Labs.names(),
                "the tour runs the labs in the order of the concept map");
        for (String lab : Labs.names()) {
            Path dir = out.resolve(lab);
            assertTrue(html.contains("href=\"" + lab + "/report.html\""), lab);
            for (String file : new String[]{"report.html", "report.md", "report.json"}) {
                assertTrue(Files.size(dir.resolve(file)) > 0, lab + "/" + file);
            }
            JsonNode json = JsonRenderer.parse(Files.readString(dir.resolve("report.json")));
            assertEquals(lab, json.get("lab").asText());
            assertFalse(json.get("takeaways").isEmpty(), lab + " has no takeaways");
            assertEquals(42, json.at("/provenance/seed").asLong());
        }
        assertFalse(SharedSpark.session().sparkContext().isStopped(), "the tour stopped a session it did not own");
    }
}
