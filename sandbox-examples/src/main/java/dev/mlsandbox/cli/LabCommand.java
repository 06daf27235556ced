package dev.mlsandbox.cli;

import java.util.List;

import dev.mlsandbox.lab.LabDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/sandbox lab <name>}: one subcommand per lab of the catalog, built by {@link dev.mlsandbox.cli.labs.LabCommands}. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Run one lab and write <out>/<lab>/report.{html,md,json}. 'bin/sandbox labs' lists them.",
        synopsisSubcommandLabel = "<name>")
final class LabCommand implements Runnable {

    private final List<LabDescriptor<?, ?>> labs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    LabCommand(List<LabDescriptor<?, ?>> labs) {
        this.labs = labs;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a lab to run: "
                + String.join(", ", labs.stream().map(LabDescriptor::name).toList()));
    }
}
