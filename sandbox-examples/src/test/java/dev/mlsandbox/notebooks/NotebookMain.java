package dev.mlsandbox.notebooks;

import java.nio.file.Path;
import java.util.List;

import dev.mlsandbox.testing.SharedSpark;

/**
 * Runs notebooks the way {@link NotebooksTest} does, in a JVM of its own: {@code java <flags> -cp
 * <test classpath> dev.mlsandbox.notebooks.NotebookMain a.ipynb ...}, as a notebook kernel starts
 * on another JDK. Prints each notebook's outcome; exits 1 if any failed.
 */
public final class NotebookMain {

    private NotebookMain() {
    }

    public static void main(String[] args) throws Exception {
        SharedSpark.session();  // as in NotebooksTest: the notebooks' Sandbox.local() joins it
        int failed = 0;
        for (String arg : args) {
            Path path = Path.of(arg);
            List<NotebookRunner.Failure> failures = NotebookRunner.run(Notebook.read(path),
                    System.getProperty("java.class.path"));
            if (failures.isEmpty()) {
                System.out.println("notebook ok: " + path.getFileName());
            } else {
                failed++;
                System.out.println("notebook FAILED: " + path.getFileName() + "\n  "
                        + String.join("\n  ", failures.stream().map(Object::toString).toList()));
            }
        }
        System.out.println("notebooks on Java " + Runtime.version() + ": " + (args.length - failed) + " ok, "
                + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}
