package dev.mlsandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import dev.mlsandbox.Labs;

public class SandboxCliTest {

    /** One CLI invocation's exit code and output. */
    public record Run(int exitCode, String out, String err) {
    }

    /** Runs the CLI in this JVM with captured streams. */
    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SandboxCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommand() {
        Run run = run("--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        for (String command : new String[]{"labs", "lab", "tour", "example", "jvm-flags"}) {
            assertTrue(run.out().contains("  " + command + " "), command + " missing from:\n" + run.out());
        }
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String command : new String[]{"labs", "lab", "tour", "example", "jvm-flags"}) {
            Run run = run(command, "--help");
            assertEquals(ExitCodes.OK, run.exitCode(), command);
            assertTrue(run.out().startsWith("Usage: sandbox " + command), run.out());
        }
    }

    @Test
    void versionNamesSandboxSparkDeltaAndJava() {
        Run run = run("--version");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().contains("MLOps Sandbox "));
        assertTrue(run.out().contains("Spark 4."), run.out());
        assertTrue(run.out().matches("(?s).*Delta Lake [0-9]+\\.[0-9]+\\.[0-9]+.*"), run.out());
        assertTrue(run.out().contains("Java " + System.getProperty("java.version") + " ("), run.out());
        assertTrue(run.out().contains(System.getProperty("java.home")), run.out());
    }

    @Test
    void labsListsTheCatalogInOrder() {
        Run run = run("labs");
        assertEquals(ExitCodes.OK, run.exitCode());
        int last = -1;
        for (String name : Labs.names()) {
            int at = run.out().indexOf(name + " ");
            assertTrue(at > last, name + " out of order in:\n" + run.out());
            last = at;
        }
    }

    @Test
    void everyLabInTheCatalogHasACommandWithTheCommonOptions() {
        for (var lab : Labs.all()) {
            Run run = run("lab", lab.name(), "--help");
            assertEquals(ExitCodes.OK, run.exitCode(), lab.name());
            for (String option : new String[]{"--out", "--seed", "--master"}) {
                assertTrue(run.out().contains(option), lab.name() + " lacks " + option);
            }
            assertEquals(lab.rowsParameter().isPresent(), run.out().contains("--rows"), lab.name() + ": --rows when it has a size");
        }
    }

    @Test
    void unknownLabIsAUsageErrorWithOneLineReasonAndNoStackTrace() {
        Run run = run("lab", "no-such-lab");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("no-such-lab"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void badOptionValueNamesTheOption() {
        Run run = run("tour", "--seed", "many");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--seed"), run.err());
    }

    @Test
    void exampleClassNamesFollowTheConvention() {
        assertEquals("dev.mlsandbox.examples.PipelineExample", ExampleCommand.className("pipeline"));
        assertEquals("dev.mlsandbox.examples.FeatureLookupExample", ExampleCommand.className("feature-lookup"));
        Run run = run("example", "no-such-example");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("no example named 'no-such-example'"), run.err());
    }

    @Test
    void jvmFlagsPrintsTheAddOpensList() {
        Run run = run("jvm-flags");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), run.out());
    }

    @Test
    void oneLineMessagesPreferTheRootCauseAndKeepOurOwnWording() {
        assertEquals("rows must be >= 1, got 0", Messages.oneLine(new IllegalArgumentException("rows must be >= 1, got 0\nmore")));
        assertEquals("ArithmeticException: / by zero",
                Messages.oneLine(new RuntimeException(null, new ArithmeticException("/ by zero"))));
    }
}
