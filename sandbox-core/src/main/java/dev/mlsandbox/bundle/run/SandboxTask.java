package dev.mlsandbox.bundle.run;

/**
 * A task body the sandbox runs in-process: a {@code spark_jar_task} whose {@code main_class_name}
 * is a class of the project implementing this interface (with a public no-argument constructor)
 * gets a {@link TaskContext}: its parameters, the job's parameters, the Spark session, and task
 * values to pass downstream. A class with a plain {@code public static void main(String[])} runs
 * too (it gets the parameters as arguments). A task fails when {@code run} throws.
 */
public interface SandboxTask {

    void run(TaskContext context) throws Exception;
}
