package dev.mlsandbox.cli;

import java.util.concurrent.Callable;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.Tour;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bin/sandbox tour}: every lab, one Spark session, an index page. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = {"Run every lab on one Spark session and write <out>/<lab>/report.* and <out>/index.html.",
                "A lab that fails is listed with its reason; the others still run. Exit code 1 if any failed."})
final class TourCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var settings = common.settings();
        try (Sandbox sandbox = common.sandbox()) {
            var err = spec.commandLine().getErr();
            var out = spec.commandLine().getOut();
            Tour.Outcome outcome = new Tour(sandbox).run(common.out, settings, (entry, directory) -> {
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
