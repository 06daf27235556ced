package dev.mlsandbox.bundle.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import dev.mlsandbox.bundle.model.TaskKind;

/**
 * Runs what a task's kind says. A {@code spark_jar_task} whose {@code main_class_name} is a class on
 * the project's classpath runs in this JVM ({@link SandboxTask} or a static main); every other kind
 * that needs compute fails as "not runnable locally", saying why.
 */
final class TaskBodies {

    private TaskBodies() {
    }

    /** A task the sandbox cannot start: not runnable locally, or a reference it cannot resolve. Not retried. */
    static final class CannotRun extends RuntimeException {
        CannotRun(String message) {
            super(message);
        }
    }

    static void run(TaskKind kind, TaskContext ctx) throws Exception {
        if (kind instanceof TaskKind.SparkJar jar) {
            runClass(jar, ctx);
            return;
        }
        String why = switch (kind.field()) {
            case "notebook_task" -> "a notebook runs in a Databricks workspace";
            case "python_wheel_task" -> "a Python wheel task needs a cluster with the wheel installed";
            case "spark_python_task" -> "a Python file runs on a Databricks cluster";
            case "no task type" -> "the task names no task type";
            default -> "a " + kind.field() + " runs in a Databricks workspace";
        };
        throw new CannotRun(kind.field() + " is not runnable locally: " + why + "; the sandbox runs condition_task, and"
                + " spark_jar_task whose main_class_name is a class of this project (see docs/cicd.md)");
    }

    private static void runClass(TaskKind.SparkJar jar, TaskContext ctx) throws Exception {
        String name = jar.mainClassName();
        if (name == null || name.isBlank()) {
            throw new CannotRun("spark_jar_task is not runnable locally without a main_class_name");
        }
        Class<?> c;
        try {
            c = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new CannotRun("spark_jar_task is not runnable locally: main class " + name + " is not on the sandbox's"
                    + " classpath (the sandbox loads no jar_uri or libraries; it runs classes of this project)");
        }
        try {
            if (SandboxTask.class.isAssignableFrom(c)) {
                ((SandboxTask) c.getDeclaredConstructor().newInstance()).run(ctx);
                return;
            }
            Method main = c.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new CannotRun(name + ".main(String[]) is not static");
            }
            main.invoke(null, (Object) ctx.parameters().toArray(String[]::new));
        } catch (NoSuchMethodException e) {
            throw new CannotRun(name + " has neither a public static void main(String[]) nor implements "
                    + SandboxTask.class.getName() + " with a public no-argument constructor");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }
}
