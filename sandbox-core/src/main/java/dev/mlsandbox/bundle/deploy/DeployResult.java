package dev.mlsandbox.bundle.deploy;

import java.util.List;

/** A finished deploy or destroy: what happened to each resource, and the state it left. */
public record DeployResult(List<DeployAction> actions, DeploymentState state) {

    public DeployResult {
        actions = List.copyOf(actions);
    }

    public long count(DeployAction.Kind kind) {
        return actions.stream().filter(a -> a.kind() == kind).count();
    }

    /** {@code Resources: 2 created, 0 changed, 0 deleted, 1 unchanged}, the CLI's deploy summary. */
    public String summary() {
        return "Resources: " + count(DeployAction.Kind.CREATE) + " created, " + count(DeployAction.Kind.UPDATE) + " changed, "
                + count(DeployAction.Kind.DELETE) + " deleted, " + count(DeployAction.Kind.UNCHANGED) + " unchanged";
    }

    /** The lines the CLI prints before the summary: one per resource that changed. */
    public List<String> changeLines() {
        return actions.stream().filter(a -> a.kind() != DeployAction.Kind.UNCHANGED).map(DeployAction::line).toList();
    }
}
