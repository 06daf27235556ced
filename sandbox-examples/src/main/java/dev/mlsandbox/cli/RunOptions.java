package dev.mlsandbox.cli;

import java.nio.file.Path;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.spark.SessionSettings;
import picocli.CommandLine.Option;

/** How a lab or the tour runs, as opposed to what it runs: where reports go, the master, logging, progress. */
public final class RunOptions {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "Directory for the reports (default: ${DEFAULT-VALUE}).")
    public Path out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master URL, e.g. local[2] or spark://host:7077 (default: $" + SessionSettings.MASTER_ENV
                    + " or local[*]).")
    public String master;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "WARN",
            description = "Spark's log level: ERROR, WARN, INFO, DEBUG (default: ${DEFAULT-VALUE}).")
    public String logLevel;

    @Option(names = {"-q", "--quiet"}, description = "No progress output on stderr.")
    public boolean quiet;

    public Sandbox sandbox() {
        Sandbox.Builder builder = Sandbox.builder().logLevel(logLevel).progress(TerminalProgress.forStderr(quiet));
        if (master != null) {
            builder.master(master);
        }
        return builder.build();
    }
}
