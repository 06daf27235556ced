package dev.mlsandbox.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/sandbox lab <name>}: the subcommands are added from the lab catalog. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Run one lab and write <out>/<lab>/report.{html,md,json}. 'bin/sandbox labs' lists them.",
        synopsisSubcommandLabel = "<name>")
final class LabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a lab to run: "
                + String.join(", ", dev.mlsandbox.Labs.names()));
    }
}
