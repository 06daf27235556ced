package dev.mlsandbox.cli.bundle;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import dev.mlsandbox.bundle.LoadedBundle;
import dev.mlsandbox.bundle.deploy.DeploymentState;
import dev.mlsandbox.bundle.deploy.ResourceDeployer;
import dev.mlsandbox.bundle.deploy.ResourceDeployers;
import dev.mlsandbox.bundle.deploy.SandboxApi;
import dev.mlsandbox.bundle.deploy.StateEntry;
import dev.mlsandbox.bundle.model.BundleConfig;
import dev.mlsandbox.bundle.model.ResourceKey;
import dev.mlsandbox.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/sandbox bundle summary}: the header, then each resource group with each resource's
 * name and where to see it, "(not deployed)" until deploy, as the CLI prints it. Reads the
 * deployment state; contacts no server.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Summarize the bundle's resources and where they are deployed."})
final class SummaryCommand implements Callable<Integer> {

    private static final Map<String, String> TITLES = Map.of("jobs", "Jobs", "experiments", "Experiments",
            "registered_models", "Registered models", "model_serving_endpoints", "Model serving endpoints",
            "quality_monitors", "Quality monitors");

    @Mixin
    BundleArgs args;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        LoadedBundle b = args.loadValid(spec.commandLine().getErr());
        if (b == null) {
            return ExitCodes.FAILED;
        }
        BundleConfig c = b.config();
        DeploymentState state = DeploymentState.read(DeploymentState.file(b.root(), b.target()));
        SandboxApi api = state == null || state.server() == null ? null : new SandboxApi(URI.create(state.server()), null, null);
        Map<String, Map<String, String[]>> groups = new TreeMap<>();
        List<ResourceDeployer> deployers = ResourceDeployers.standard();
        for (ResourceKey k : c.resourceKeys()) {
            StateEntry e = state == null ? null : state.entry(k);
            String url = e == null ? "(not deployed)" : deployers.stream().filter(d -> d.type().equals(k.type())).findFirst()
                    .map(d -> d.url(api, e)).orElse("(not deployed)");
            groups.computeIfAbsent(TITLES.get(k.type()), t -> new TreeMap<>()).put(k.key(), new String[]{name(c, k), url});
        }
        out.print(b.header());
        out.println("Resources:");
        groups.forEach((title, resources) -> {
            out.println("  " + title + ":");
            resources.forEach((key, nu) -> {
                out.println("    " + key + ":");
                out.println("      Name: " + nu[0]);
                out.println("      URL:  " + nu[1]);
            });
        });
        out.flush();
        return ExitCodes.OK;
    }

    private static String name(BundleConfig c, ResourceKey k) {
        return switch (k.type()) {
            case "jobs" -> c.jobs().get(k.key()).name();
            case "experiments" -> c.experiments().get(k.key()).name();
            case "registered_models" -> c.registeredModels().get(k.key()).fullName();
            case "model_serving_endpoints" -> c.servingEndpoints().get(k.key()).name();
            default -> c.qualityMonitors().get(k.key()).name();
        };
    }
}
