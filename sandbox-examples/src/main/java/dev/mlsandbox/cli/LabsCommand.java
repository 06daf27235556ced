package dev.mlsandbox.cli;

import dev.mlsandbox.Labs;
import dev.mlsandbox.lab.LabDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/sandbox labs}: the labs with one-line descriptions. */
@Command(name = "labs", mixinStandardHelpOptions = true, description = "List the labs, in the order the tour runs them.")
final class LabsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        int width = Labs.names().stream().mapToInt(String::length).max().orElse(4);
        for (LabDescriptor d : Labs.all()) {
            spec.commandLine().getOut().printf("%-" + width + "s  %s%n", d.name(), d.summary());
        }
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().println("Run one with: bin/sandbox lab <name> [--out DIR] [--seed N] [--rows N] [--master URL]");
    }
}
