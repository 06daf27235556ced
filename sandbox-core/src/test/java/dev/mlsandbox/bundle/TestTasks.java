package dev.mlsandbox.bundle;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.mlsandbox.bundle.run.SandboxTask;
import dev.mlsandbox.bundle.run.TaskContext;

/** Task bodies for the run tests, named in the test bundles' main_class_name. */
public final class TestTasks {

    private TestTasks() {
    }

    /** Succeeds. */
    public static final class Succeed implements SandboxTask {
        @Override
        public void run(TaskContext context) {
        }
    }

    /** Throws. */
    public static final class Fail implements SandboxTask {
        @Override
        public void run(TaskContext context) {
            throw new IllegalStateException("the model did not converge");
        }
    }

    /** Sets the task value named by its first parameter to its second. */
    public static final class SetValue implements SandboxTask {
        @Override
        public void run(TaskContext context) {
            context.setValue(context.parameters().get(0), context.parameters().get(1));
        }
    }

    /** Fails the first time (when the marker file named by its parameter is absent), then succeeds. */
    public static final class FlakyOnce implements SandboxTask {
        @Override
        public void run(TaskContext context) throws Exception {
            Path marker = Path.of(context.parameters().get(0));
            if (!Files.exists(marker)) {
                Files.writeString(marker, "x");
                throw new java.io.IOException("transient failure");
            }
        }
    }

    /** A plain main: writes its arguments to the file named by the first one. */
    public static final class PlainMain {
        public static void main(String[] args) throws Exception {
            Files.writeString(Path.of(args[0]), String.join(" ", args));
        }
    }
}
