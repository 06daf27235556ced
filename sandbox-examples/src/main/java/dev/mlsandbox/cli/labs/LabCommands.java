package dev.mlsandbox.cli.labs;

import java.util.Map;
import java.util.function.Supplier;

import dev.mlsandbox.Labs;
import dev.mlsandbox.lab.LabDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds {@code bin/sandbox lab <name>}: one subcommand per lab in the catalog. Labs with options
 * of their own register their command class here; the rest get a {@link GenericLabCommand}.
 */
public final class LabCommands {

    /** Labs whose command has options beyond the common ones. */
    private static final Map<String, Supplier<AbstractLabCommand>> DEDICATED = Map.of(
            "tuning", TuningLabCommand::new,
            "registry", RegistryLabCommand::new
    );

    private LabCommands() {
    }

    public static void addTo(CommandLine lab) {
        for (LabDescriptor descriptor : Labs.all()) {
            Supplier<AbstractLabCommand> dedicated = DEDICATED.get(descriptor.name());
            Object command = dedicated != null ? dedicated.get() : new GenericLabCommand(descriptor);
            CommandLine sub = new CommandLine(command);
            CommandSpec spec = sub.getCommandSpec();
            spec.name(descriptor.name());
            spec.usageMessage().description(descriptor.summary());
            lab.addSubcommand(descriptor.name(), sub);
        }
    }
}
