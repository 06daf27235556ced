package dev.mlsandbox.cli;

import java.nio.file.Path;
import java.util.OptionalInt;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.lab.LabSettings;
import dev.mlsandbox.spark.SessionSettings;
import picocli.CommandLine.Option;

/** The options every lab-running command shares. */
public final class CommonOptions {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "Directory for the reports (default: ${DEFAULT-VALUE}).")
    public Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed for every source of randomness (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--rows", paramLabel = "N",
            description = "Rows in the main data set (default: each lab's own).")
    public Integer rows;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master URL, e.g. local[2] or spark://host:7077 (default: $" + SessionSettings.MASTER_ENV
                    + " or local[*]).")
    public String master;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "WARN",
            description = "Spark's log level: ERROR, WARN, INFO, DEBUG (default: ${DEFAULT-VALUE}).")
    public String logLevel;

    @Option(names = {"-q", "--quiet"}, description = "No progress output on stderr.")
    public boolean quiet;

    public LabSettings settings() {
        if (rows != null && rows < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--rows must be at least 1, got " + rows);
        }
        return new LabSettings(seed, rows == null ? OptionalInt.empty() : OptionalInt.of(rows));
    }

    public Sandbox sandbox() {
        Sandbox.Builder builder = Sandbox.builder().logLevel(logLevel).progress(TerminalProgress.forStderr(quiet));
        if (master != null) {
            builder.master(master);
        }
        return builder.build();
    }
}
