package dev.mlsandbox.cli.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import dev.mlsandbox.cli.ExitCodes;
import dev.mlsandbox.cli.SandboxCli;

/** Bad option values are usage errors with the lab's own rule, before any Spark work starts. */
class TuningLabCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SandboxCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[]{Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void foldsBelowTwoIsAUsageErrorNamingTheRule() {
        String[] r = run("lab", "tuning", "--folds", "1", "--quiet");
        assertEquals(Integer.toString(ExitCodes.USAGE), r[0], r[2]);
        assertTrue(r[2].contains("folds (k) must be >= 2, got 1"), r[2]);
        assertTrue(r[2].contains("bin/sandbox lab tuning --help"), r[2]);
    }

    @Test
    void trainRatioOutsideTheOpenIntervalIsAUsageError() {
        String[] r = run("lab", "tuning", "--train-ratio", "1.0", "--quiet");
        assertEquals(Integer.toString(ExitCodes.USAGE), r[0], r[2]);
        assertTrue(r[2].contains("trainRatio must be strictly between 0 and 1, got 1.0"), r[2]);
    }

    @Test
    void helpListsTheLabsOwnOptions() {
        String[] r = run("lab", "tuning", "--help");
        assertEquals("0", r[0]);
        for (String option : new String[]{"--folds", "--train-ratio", "--parallelism", "--rows", "--seed", "--out"}) {
            assertTrue(r[1].contains(option), option + " missing from:\n" + r[1]);
        }
    }
}
