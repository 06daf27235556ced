package dev.mlsandbox.cli;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.Tour;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.LabSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/sandbox tour}: every lab of the catalog, one Spark session, an index page. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = {"Run every lab on one Spark session and write <out>/<lab>/report.* and <out>/index.html.",
                "A lab that fails is listed with its reason; the others still run. Exit code 1 if any failed."})
final class TourCommand implements Callable<Integer> {

    private final List<LabDescriptor<?, ?>> labs;

    @Mixin
    RunOptions run;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + LabSettings.DEFAULT_SEED,
            description = "Seed of every lab (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rows", paramLabel = "N",
            description = "Size of each lab's main data set, for the labs that have one (default: each lab's own; "
                    + "'bin/sandbox lab <name> --help' says which parameter --rows sets).")
    Integer rows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    TourCommand(List<LabDescriptor<?, ?>> labs) {
        this.labs = labs;
    }

    @Override
    public Integer call() {
        if (rows != null && rows < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rows must be at least 1, got " + rows);
        }
        LabSettings settings = new LabSettings(seed, rows == null ? OptionalInt.empty() : OptionalInt.of(rows));
        try (Sandbox sandbox = run.sandbox()) {
            var err = spec.commandLine().getErr();
            var out = spec.commandLine().getOut();
            Tour.Outcome outcome = new Tour(sandbox).run(run.out, settings, labs, (entry, directory) -> {
                if (entry.ok()) {
                    err.printf("ok      %-10s %6.1f s  %s%n", entry.lab(), entry.seconds(), directory.resolve("report.html"));
                } else {
                    err.printf("FAILED  %-10s %6.1f s  %s%n", entry.lab(), entry.seconds(), entry.outcome());
                }
                err.flush();
            });
            out.println(outcome.index());
            out.flush();
            return outcome.allSucceeded() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
