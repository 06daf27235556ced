/**
 * {@code bundle run}: a deployed job's task graph run in this JVM with the Jobs service's rules
 * (depends_on, run_if, condition_task branches, task values, retries, the run's result from its leaf
 * tasks). A {@code spark_jar_task} whose main class is a class of the project runs
 * ({@link dev.mlsandbox.bundle.run.SandboxTask} or a static main); notebook, wheel and Python tasks
 * are reported "not runnable locally".
 */
package dev.mlsandbox.bundle.run;
