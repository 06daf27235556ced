package dev.mlsandbox.cli.labs;

import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.LabSettings;
import picocli.CommandLine.Command;

/** The command of a lab that needs only the common options. */
@Command(mixinStandardHelpOptions = true)
public final class GenericLabCommand extends AbstractLabCommand {

    private final LabDescriptor descriptor;

    public GenericLabCommand(LabDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    protected Lab<?> lab(LabSettings settings) {
        return descriptor.create(settings);
    }
}
