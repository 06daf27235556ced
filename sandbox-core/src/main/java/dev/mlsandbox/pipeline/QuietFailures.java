package dev.mlsandbox.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Silences Spark's task-failure logging while the lab provokes a failure on purpose: the lab
 * captures the error itself, and Spark's stack traces on stderr would read like the lab broke.
 */
public final class QuietFailures {

    /** The loggers that report a failed task: the executor, the scheduler, the task-set manager. */
    private static final List<String> LOGGERS = List.of("org.apache.spark.executor.Executor",
            "org.apache.spark.scheduler.TaskSetManager", "org.apache.spark.scheduler.TaskSchedulerImpl");

    private QuietFailures() {
    }

    public static synchronized <T> T during(Supplier<T> work) {
        Map<String, Level> previous = new LinkedHashMap<>();
        for (String name : LOGGERS) {
            previous.put(name, LogManager.getLogger(name).getLevel());
            Configurator.setLevel(name, Level.OFF);
        }
        try {
            return work.get();
        } finally {
            previous.forEach(Configurator::setLevel);
        }
    }
}
