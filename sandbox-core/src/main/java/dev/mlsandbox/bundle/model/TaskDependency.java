package dev.mlsandbox.bundle.model;

/**
 * One entry of a task's {@code depends_on}.
 *
 * @param taskKey the task depended on
 * @param outcome for a dependency on a condition_task: "true" or "false" (the branch); else null
 */
public record TaskDependency(String taskKey, String outcome) {
}
