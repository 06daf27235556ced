package dev.mlsandbox.cli.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.Labs;
import dev.mlsandbox.cli.ExitCodes;
import dev.mlsandbox.cli.SandboxCli;
import dev.mlsandbox.hello.lab.HelloLab;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.LabParameter;
import dev.mlsandbox.report.JsonRenderer;
import dev.mlsandbox.testing.SharedSpark;
import dev.mlsandbox.tuning.lab.TuningLab;
import picocli.CommandLine;

/**
 * {@code bin/sandbox lab <name>} is generated from the catalog: every lab's parameters are its
 * options, with their docs and defaults; bad values are usage errors with the lab's own rule,
 * before any Spark work starts; and a lab the CLI has never heard of (the hello lab, from the test
 * jar) runs through a catalog that lists it, which is all a new lab needs.
 */
class LabCommandsTest {

    record Run(int code, String out, String err) {
    }

    private static Run run(List<LabDescriptor<?, ?>> catalog, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SandboxCli.commandLine(catalog);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(Labs.all(), args);
    }

    @Test
    void everyLabsHelpListsEachParameterWithItsDefaultAndWhatARunCosts() {
        for (LabDescriptor<?, ?> d : Labs.all()) {
            Run r = run("lab", d.name(), "--help");
            assertEquals(ExitCodes.OK, r.code(), d.name());
            String help = r.out().replaceAll("\\s+", " ");
            for (LabParameter p : d.parameters()) {
                String option = p.flag() ? "--[no-]" + p.option().substring(2) : p.option() + "=" + p.label();
                assertTrue(help.contains(option), d.name() + ": " + option + " missing from:\n" + r.out());
                // picocli may break a long list default after a comma: compare without white space
                assertTrue(help.replace(" ", "").contains("(default:" + p.defaultValue().replace(" ", "") + ")"),
                        d.name() + "." + p.name() + " default");
            }
            for (String option : new String[]{"--out", "--master", "--log-level", "--quiet"}) {
                assertTrue(help.contains(option), d.name() + " lacks " + option);
            }
            d.rowsParameter().ifPresent(p -> assertTrue(help.contains("--rows"), d.name() + " lacks --rows"));
            assertTrue(help.contains(d.cost().replaceAll("\\s+", " ")), d.name() + ": the cost note is the footer");
        }
    }

    @Test
    void theTuningLabsOwnRulesAreUsageErrorsBeforeSparkStarts() {
        Run folds = run("lab", "tuning", "--folds", "1", "--quiet");
        assertEquals(ExitCodes.USAGE, folds.code(), folds.err());
        assertTrue(folds.err().contains("folds (k) must be >= 2, got 1"), folds.err());
        assertTrue(folds.err().contains("bin/sandbox lab tuning --help"), folds.err());
        Run ratio = run("lab", "tuning", "--train-ratio", "1.0", "--quiet");
        assertEquals(ExitCodes.USAGE, ratio.code(), ratio.err());
        assertTrue(ratio.err().contains("trainRatio must be strictly between 0 and 1, got 1.0"), ratio.err());
        Run text = run("lab", "tuning", "--folds", "three", "--quiet");
        assertEquals(ExitCodes.USAGE, text.code(), text.err());
        assertTrue(text.err().contains("tuning lab parameter folds = 'three' is not a whole number"), text.err());
        assertFalse(text.err().contains("\tat "), "no stack trace: " + text.err());
    }

    @Test
    void optionsBecomeTheParameterMapAndFlagsReadBothWays() {
        CommandLine cli = LabCommands.command(TuningLab.DESCRIPTOR);
        cli.parseArgs("--rows", "300", "--train-ratio", "0.5", "--no-sweeps", "--grid", "regParam=0.1");
        assertEquals(Map.of("rows", "300", "trainRatio", "0.5", "sweeps", "false", "grid", "regParam=0.1"),
                ((LabRunCommand) cli.getCommand()).given());
        cli = LabCommands.command(TuningLab.DESCRIPTOR);
        cli.parseArgs("--sweeps", "--stability-seeds", "2");
        assertEquals(Map.of("sweeps", "true", "stabilitySeeds", "2"), ((LabRunCommand) cli.getCommand()).given());
        cli = LabCommands.command(TuningLab.DESCRIPTOR);
        cli.parseArgs();
        assertEquals(Map.of(), ((LabRunCommand) cli.getCommand()).given(), "nothing given: the lab's defaults");
    }

    @Test
    void aLabTheCliHasNeverHeardOfRunsFromItsCatalogEntry(@TempDir Path out) throws Exception {
        SharedSpark.session();
        List<LabDescriptor<?, ?>> catalog = List.of(HelloLab.DESCRIPTOR);
        assertTrue(run(catalog, "labs").out().startsWith("hello  Uniform draws"), run(catalog, "labs").out());
        Run help = run(catalog, "lab", "hello", "--help");
        assertTrue(help.out().contains("--rows=N") && help.out().contains("--buckets=N"), help.out());

        Run bad = run(catalog, "lab", "hello", "--buckets", "1", "--quiet");
        assertEquals(ExitCodes.USAGE, bad.code(), bad.err());
        assertTrue(bad.err().contains("hello lab parameter buckets = 1 must be in [2, 100]"), bad.err());

        Run ok = run(catalog, "lab", "hello", "--rows", "500", "--buckets", "5", "--seed", "7", "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, ok.code(), ok.err());
        assertEquals(out.resolve("hello").resolve("report.html").toString(), ok.out().strip());
        JsonNode json = JsonRenderer.parse(Files.readString(out.resolve("hello").resolve("report.json")));
        assertEquals("500", json.at("/provenance/parameters/rows").asText());
        assertEquals("5", json.at("/provenance/parameters/buckets").asText());
        assertEquals(7, json.at("/provenance/seed").asLong());
        assertEquals(5, json.at("/counts").size());

        Run tour = run(catalog, "tour", "--rows", "100", "--out", out.resolve("tour").toString(), "--quiet");
        assertEquals(ExitCodes.OK, tour.code(), tour.err());
        assertEquals("100", JsonRenderer.parse(Files.readString(out.resolve("tour").resolve("hello").resolve("report.json")))
                .at("/provenance/parameters/rows").asText());
    }
}
