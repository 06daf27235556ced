package dev.mlsandbox.bundle.model;

import java.util.List;

import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Location;

/**
 * One task of a job, as deployed.
 *
 * @param dependsOn    its dependencies, in file order
 * @param runIf        when it runs given its dependencies' results
 * @param kind         what it runs
 * @param disabled     a disabled task is skipped (and counts as excluded)
 * @param maxRetries   retries after a failure (0 by default, as in the Jobs service)
 * @param path         where it is in the document
 * @param location     where it was written
 */
public record Task(String taskKey, List<TaskDependency> dependsOn, RunIf runIf, TaskKind kind, boolean disabled,
                   int maxRetries, ConfigPath path, Location location) {

    public Task {
        dependsOn = List.copyOf(dependsOn);
    }
}
