package dev.mlsandbox.cli.labs;

import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabSettings;
import dev.mlsandbox.registry.lab.RegistryLab;
import dev.mlsandbox.registry.lab.RegistryLabOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/sandbox lab registry}: the registry lab with its own options. */
@Command(mixinStandardHelpOptions = true)
public final class RegistryLabCommand extends AbstractLabCommand {

    @Option(names = "--model", paramLabel = "CATALOG.SCHEMA.MODEL", description = "Registered model name (default: ${DEFAULT-VALUE}).")
    String model = RegistryLabOptions.defaults().model();

    @Option(names = "--min-improvement", paramLabel = "AUC", description = "AUC a challenger must gain over the champion to be promoted (default: ${DEFAULT-VALUE}).")
    double minImprovement = RegistryLabOptions.defaults().minImprovement();

    @Override
    protected Lab<?> lab(LabSettings settings) {
        RegistryLabOptions d = RegistryLabOptions.defaults();
        return new RegistryLab(new RegistryLabOptions(settings.seed(), Math.max(200, settings.rowsOr(d.rows())), model,
                minImprovement));
    }
}
