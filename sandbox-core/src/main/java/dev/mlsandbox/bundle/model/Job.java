package dev.mlsandbox.bundle.model;

import java.util.List;
import java.util.Map;

import dev.mlsandbox.bundle.config.Location;

/**
 * A job of the bundle after variables, mode and presets.
 *
 * @param name              its display name ({@code [dev jane] train} in development mode)
 * @param parameters        job parameters and their defaults ({@code {{job.parameters.x}}})
 * @param schedulePause     the schedule's pause status, or null without a schedule
 * @param triggerPause      the trigger's pause status, or null without a trigger
 * @param maxConcurrentRuns as deployed (4 in development mode, 1 by default)
 */
public record Job(ResourceKey key, String name, List<Task> tasks, Map<String, String> parameters, Map<String, String> tags,
                  String schedulePause, String triggerPause, long maxConcurrentRuns, Location location) {

    public Job {
        tasks = List.copyOf(tasks);
        parameters = Map.copyOf(parameters);
        tags = Map.copyOf(tags);
    }

    public Task task(String taskKey) {
        return tasks.stream().filter(t -> t.taskKey().equals(taskKey)).findFirst().orElse(null);
    }
}
