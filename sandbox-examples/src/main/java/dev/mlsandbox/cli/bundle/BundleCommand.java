package dev.mlsandbox.cli.bundle;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/sandbox bundle}: the command group; alone, it prints its usage. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = {"Databricks Asset Bundles (databricks.yml) validated, deployed and run against the sandbox,",
                "printing what 'databricks bundle ...' prints. See docs/cicd.md."},
        subcommands = {ValidateCommand.class, SummaryCommand.class, DeployCommand.class, RunCommand.class,
                DestroyCommand.class})
public final class BundleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
