package dev.mlsandbox.bundle.deploy;

import java.util.List;

/** The deployers of each resource type, in deploy order. */
public final class ResourceDeployers {

    private ResourceDeployers() {
    }

    /**
     * Experiments, registered models, serving endpoints and quality monitors (not supported yet),
     * then jobs, which may refer to all of them. Fresh instances per deploy.
     */
    public static List<ResourceDeployer> standard() {
        return List.of(new ExperimentDeployer(), new RegisteredModelDeployer(),
                new NotSupportedYet("model_serving_endpoints", "model serving endpoints"),
                new NotSupportedYet("quality_monitors", "quality monitors"), new JobDeployer());
    }
}
