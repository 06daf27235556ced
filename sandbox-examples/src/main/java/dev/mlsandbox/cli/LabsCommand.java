package dev.mlsandbox.cli;

import java.util.List;

import dev.mlsandbox.lab.LabDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/sandbox labs}: the labs of the catalog with one-line descriptions. */
@Command(name = "labs", mixinStandardHelpOptions = true, description = "List the labs, in the order the tour runs them.")
final class LabsCommand implements Runnable {

    private final List<LabDescriptor<?, ?>> labs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    LabsCommand(List<LabDescriptor<?, ?>> labs) {
        this.labs = labs;
    }

    @Override
    public void run() {
        int width = labs.stream().mapToInt(d -> d.name().length()).max().orElse(4);
        for (LabDescriptor<?, ?> d : labs) {
            spec.commandLine().getOut().printf("%-" + width + "s  %s%n", d.name(), d.summary());
        }
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().println("Run one with: bin/sandbox lab <name> [parameters] [--out DIR] [--master URL]");
        spec.commandLine().getOut().println("Its parameters, defaults and cost: bin/sandbox lab <name> --help");
    }
}
