package dev.mlsandbox.cli.bundle;

import java.io.Console;
import java.util.List;
import java.util.concurrent.Callable;

import dev.mlsandbox.bundle.LoadedBundle;
import dev.mlsandbox.bundle.deploy.DeployResult;
import dev.mlsandbox.bundle.deploy.Deployer;
import dev.mlsandbox.bundle.model.ResourceKey;
import dev.mlsandbox.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/sandbox bundle destroy}: deletes what the target's deployment created, listing it
 * first as the CLI does, and asks before it (or needs {@code --auto-approve} where it cannot ask).
 */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Delete every resource the target's last deploy created (from its deployment state)."})
final class DestroyCommand implements Callable<Integer> {

    @Mixin
    BundleArgs args;

    @Mixin
    ServerArgs server;

    @Option(names = "--auto-approve", description = "Skip interactive approvals for deleting resources.")
    boolean autoApprove;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        LoadedBundle b = args.loadValid(err);
        if (b == null) {
            return ExitCodes.FAILED;
        }
        Console console = System.console();
        if (!autoApprove && console == null) {
            err.println("Error: this command will destroy all resources deployed by this bundle.\nDeleting data assets such"
                    + " as schemas, pipelines, or volumes may cause permanent data loss and should be carefully reviewed.\n"
                    + "To proceed, use --auto-approve.");
            return ExitCodes.FAILED;
        }
        Deployer deployer = Deployer.standard();
        List<ResourceKey> plan = deployer.destroyPlan(b.root(), b.target());
        if (plan.isEmpty()) {
            out.println("No active deployment found to destroy!");
            deployer.destroy(b.config(), b.root(), server.api(b.config().user().userName()));
            return ExitCodes.OK;
        }
        out.println("The following resources will be deleted:");
        plan.forEach(k -> out.println("  delete " + k.path()));
        out.println();
        out.flush();
        if (!autoApprove) {
            String answer = console.readLine("Would you like to proceed? [y/n]: ");
            if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                out.println("Destroy cancelled!");
                return ExitCodes.OK;
            }
        }
        DeployResult r = deployer.destroy(b.config(), b.root(), server.api(b.config().user().userName()));
        out.println("Destroy: " + (r == null ? 0 : r.actions().size()) + " deleted");
        return ExitCodes.OK;
    }
}
