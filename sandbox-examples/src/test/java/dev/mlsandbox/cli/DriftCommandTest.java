package dev.mlsandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsandbox.drift.DriftBins;
import dev.mlsandbox.drift.DriftEngine;
import dev.mlsandbox.drift.DriftResult;
import dev.mlsandbox.drift.NumericDrift;
import dev.mlsandbox.drift.io.TableReader;
import dev.mlsandbox.report.JsonRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCommandTest {

    static Path csv(Path dir, String name, long seed, int rows, double shift, boolean newPlan) throws IOException {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder("age,income,plan\n");
        String[] plans = {"basic", "plus", "pro"};
        for (int k = 0; k < rows; k++) {
            String plan = newPlan && k % 10 == 0 ? "enterprise" : plans[rnd.nextInt(3)];
            sb.append(String.format(Locale.ROOT, "%d,%.3f,\"%s\"%n", 20 + rnd.nextInt(40) + (int) (shift * 10),
                    1000 * (1 + rnd.nextGaussian() * 0.2 + shift), plan));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb);
        return p;
    }

    static JsonNode json(Path dir) throws IOException {
        return JsonRenderer.parse(Files.readString(dir.resolve("report.json")));
    }

    @Test
    void writesTheReportAndAgreesWithTheJavaApi(@TempDir Path dir) throws IOException {
        Path ref = csv(dir, "ref.csv", 1, 400, 0.0, false);
        Path cur = csv(dir, "cur.csv", 2, 300, 0.5, true);
        Path out = dir.resolve("report");
        SandboxCliTest.Run run = SandboxCliTest.run("drift", "--reference", ref.toString(), "--current", cur.toString(),
                "--out", out.toString(), "--categorical", "plan");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(Files.exists(out.resolve("report.html")) && Files.exists(out.resolve("report.md")));
        JsonNode j = json(out);
        assertEquals(3, j.path("columns").size());
        JsonNode age = j.path("columns").get(0);
        assertEquals("age", age.path("name").asText());
        assertEquals("numeric", age.path("type").asText());
        JsonNode plan = j.path("columns").get(2);
        assertEquals("categorical", plan.path("type").asText());
        assertTrue(plan.path("tests").path("chiSquare").has("pValue"));
        assertTrue(j.path("datasetDrift").asBoolean());
        assertTrue(j.path("timings").path("loadSeconds").asDouble() > 0);

        // The Java API on the same files gives the same numbers.
        TableReader.Pair pair = TableReader.readCsv(ref, cur, List.of(), List.of("plan"));
        DriftResult api = DriftEngine.defaults().compare(pair.reference(), pair.current());
        NumericDrift income = (NumericDrift) api.column("income");
        JsonNode inc = j.path("columns").get(1).path("tests");
        assertEquals(income.ks().statistic(), inc.path("ks").path("statistic").asDouble(), 0.0);
        assertEquals(income.ks().pValue(), inc.path("ks").path("pValue").asDouble(), 0.0);
        assertEquals(income.psi(), inc.path("psi").path("value").asDouble(), 0.0);
        assertEquals(10, inc.path("psi").path("bins").asInt());
    }

    @Test
    void savedBinsAreReusedAndTheSparkEngineAgrees(@TempDir Path dir) throws IOException {
        Path ref = csv(dir, "ref.csv", 3, 300, 0.0, false);
        Path cur = csv(dir, "cur.csv", 4, 250, 0.2, false);
        Path later = csv(dir, "later.csv", 5, 200, 0.4, true);
        Path bins = dir.resolve("bins.json");
        assertEquals(ExitCodes.OK, SandboxCliTest.run("drift", "--reference", ref.toString(), "--current", cur.toString(),
                "--out", dir.resolve("a").toString(), "--save-bins", bins.toString(), "--bins", "8").exitCode());
        DriftBins saved = DriftBins.load(bins);
        assertEquals(8, saved.numeric("income").orElseThrow().size());
        SandboxCliTest.Run second = SandboxCliTest.run("drift", "--reference", ref.toString(), "--current",
                later.toString(), "--out", dir.resolve("b").toString(), "--bins-from", bins.toString());
        assertEquals(ExitCodes.OK, second.exitCode(), second.err());
        TableReader.Pair pair = TableReader.readCsv(ref, later, List.of(), List.of());
        DriftResult api = DriftEngine.defaults().compare(pair.reference(), pair.current(), saved);
        JsonNode b = json(dir.resolve("b"));
        assertEquals(api.column("income").psi(), b.path("columns").get(1).path("tests").path("psi").path("value").asDouble(), 0.0);
        assertEquals(8, b.path("columns").get(1).path("tests").path("psi").path("bins").asInt());

        SandboxCliTest.Run spark = SandboxCliTest.run("drift", "--reference", ref.toString(), "--current",
                later.toString(), "--out", dir.resolve("c").toString(), "--bins-from", bins.toString(),
                "--engine", "spark", "--master", "local[2]");
        assertEquals(ExitCodes.OK, spark.exitCode(), spark.err());
        JsonNode c = json(dir.resolve("c"));
        for (int k = 0; k < 3; k++) {
            JsonNode x = b.path("columns").get(k);
            JsonNode y = c.path("columns").get(k);
            assertEquals(x.path("name").asText(), y.path("name").asText());
            assertEquals(x.path("tests").path("psi").path("value").asDouble(),
                    y.path("tests").path("psi").path("value").asDouble(), 0.0, x.path("name").asText());
            assertEquals(x.path("drifted").asBoolean(), y.path("drifted").asBoolean());
        }
        assertEquals(b.path("columns").get(1).path("tests").path("ks").path("pValue").asDouble(),
                c.path("columns").get(1).path("tests").path("ks").path("pValue").asDouble(), 0.0);
    }

    @Test
    void badInputGetsOneLineAndANonZeroExit(@TempDir Path dir) throws IOException {
        Path ref = csv(dir, "ref.csv", 1, 50, 0.0, false);
        Path cur = csv(dir, "cur.csv", 2, 50, 0.0, false);
        String o = dir.resolve("o").toString();
        assertFails(dir, "does not exist", "--reference", dir.resolve("nope.csv").toString(), "--current", cur.toString());

        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertFails(dir, "is empty", "--reference", ref.toString(), "--current", empty.toString());
        Path headerOnly = dir.resolve("header.csv");
        Files.writeString(headerOnly, "age,income,plan\n");
        assertFails(dir, "has a header but no rows", "--reference", ref.toString(), "--current", headerOnly.toString());

        Path other = dir.resolve("other.csv");
        Files.writeString(other, "age,salary,plan\n30,1.0,basic\n");
        assertFails(dir, "headers differ: only in reference [income], only in current [salary]",
                "--reference", ref.toString(), "--current", other.toString());
        assertFails(dir, "column 'income' is not in the current file",
                "--reference", ref.toString(), "--current", other.toString(), "--columns", "age,income");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "age,income,plan\n30,1.0,basic\n31,2.0,plus\n32,lots,pro\n");
        assertFails(dir, "line 4, column 'income': 'lots' is not a number",
                "--reference", ref.toString(), "--current", bad.toString());
        assertFails(dir, "unknown preset 'strict'", "--reference", ref.toString(), "--current", cur.toString(),
                "--preset", "strict");

        SandboxCliTest.Run both = SandboxCliTest.run("drift", "--reference", ref.toString(), "--current", cur.toString(),
                "--save-bins", "a.json", "--bins-from", "b.json", "--out", o);
        assertEquals(ExitCodes.USAGE, both.exitCode());
        assertTrue(both.err().contains("exclude each other"), both.err());
        assertFalse(Files.exists(dir.resolve("o")), "no report after bad input");
    }

    private static void assertFails(Path dir, String reason, String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "drift";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--out";
        full[args.length + 2] = dir.resolve("o").toString();
        SandboxCliTest.Run run = SandboxCliTest.run(full);
        assertEquals(ExitCodes.FAILED, run.exitCode(), run.err());
        String first = run.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("sandbox drift: ") && first.contains(reason), run.err());
        assertFalse(Files.exists(dir.resolve("o")), "no report after bad input");
    }
}
