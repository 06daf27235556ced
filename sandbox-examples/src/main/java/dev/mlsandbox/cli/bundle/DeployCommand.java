package dev.mlsandbox.cli.bundle;

import java.util.concurrent.Callable;

import dev.mlsandbox.bundle.BundleException;
import dev.mlsandbox.bundle.LoadedBundle;
import dev.mlsandbox.bundle.deploy.DeployResult;
import dev.mlsandbox.bundle.deploy.Deployer;
import dev.mlsandbox.bundle.model.BundleConfig;
import dev.mlsandbox.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/sandbox bundle deploy}: creates or updates the bundle's experiments, registered
 * models (grants, aliases) and jobs on a sandbox server, printing the CLI's "Created jobs.train"
 * lines and its "Resources: N created, N changed, N deleted, N unchanged" summary.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy the bundle's resources to a sandbox server (bin/sandbox server).",
                "Idempotent: a second deploy reports every resource unchanged. A failed deploy undoes its changes."})
final class DeployCommand implements Callable<Integer> {

    @Mixin
    BundleArgs args;

    @Mixin
    ServerArgs server;

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
        BundleConfig config = b.config();
        out.println("Deploying to the sandbox server at " + server.uri() + " as " + config.user().userName() + "...");
        out.flush();
        DeployResult r;
        try {
            r = Deployer.standard().deploy(config, b.root(), server.api(config.user().userName()));
        } catch (BundleException e) {
            e.diagnostics().forEach(d -> err.print(d.render()));
            err.flush();
            return ExitCodes.FAILED;
        }
        r.changeLines().forEach(out::println);
        out.println(r.summary());
        out.flush();
        return ExitCodes.OK;
    }
}
