package dev.mlsandbox.bundle.model;

import java.util.List;
import java.util.Map;

/**
 * What a task runs. {@link SparkJar} with a {@code main_class_name} on the project's classpath is
 * how a bundle runs sandbox code: a lab ({@code dev.mlsandbox.lab.LabMain} with the lab's name and
 * parameters) or any Java main; it stays valid {@code databricks.yml} for the real CLI. Notebook,
 * Python wheel and Spark Python tasks are accepted and reported "not runnable locally" when run.
 */
public sealed interface TaskKind {

    /** The field name in the task: {@code spark_jar_task}, {@code condition_task} ... */
    String field();

    /** {@code condition_task}: compares two operands, with no compute. */
    record Condition(String left, String op, String right) implements TaskKind {
        @Override
        public String field() {
            return "condition_task";
        }
    }

    /** {@code spark_jar_task}: a JVM main class and its arguments. */
    record SparkJar(String mainClassName, List<String> parameters, String jarUri) implements TaskKind {
        public SparkJar {
            parameters = List.copyOf(parameters);
        }

        @Override
        public String field() {
            return "spark_jar_task";
        }
    }

    /** {@code notebook_task}. */
    record Notebook(String notebookPath, Map<String, String> baseParameters) implements TaskKind {
        public Notebook {
            baseParameters = Map.copyOf(baseParameters);
        }

        @Override
        public String field() {
            return "notebook_task";
        }
    }

    /** {@code python_wheel_task}. */
    record PythonWheel(String packageName, String entryPoint, List<String> parameters) implements TaskKind {
        public PythonWheel {
            parameters = List.copyOf(parameters);
        }

        @Override
        public String field() {
            return "python_wheel_task";
        }
    }

    /** {@code spark_python_task}. */
    record SparkPython(String pythonFile, List<String> parameters) implements TaskKind {
        public SparkPython {
            parameters = List.copyOf(parameters);
        }

        @Override
        public String field() {
            return "spark_python_task";
        }
    }

    /** Any other task type the Jobs service knows (sql_task, pipeline_task, run_job_task ...), or none. */
    record Other(String field) implements TaskKind {
    }
}
