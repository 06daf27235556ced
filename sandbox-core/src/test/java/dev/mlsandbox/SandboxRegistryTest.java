package dev.mlsandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.testing.SharedSpark;

/** {@code sandbox.registry()}: the registry rides on the embedded tracking server, under the sandbox's directory. */
class SandboxRegistryTest {

    @Test
    void theRegistryIsServedByTheEmbeddedTrackingServer(@TempDir Path dir) {
        SharedSpark.session(); // the test JVM's one session: the sandbox borrows it and leaves it running
        try (Sandbox sandbox = Sandbox.builder().trackingDirectory(dir).build()) {
            Registry registry = sandbox.registry();
            assertEquals(sandbox.tracking().uri().orElseThrow(), registry.uri(), "one server for runs and models");
            assertSame(registry, sandbox.registry());
            registry.createModel("main.ml.churn", "churn classifier");
            assertEquals("churn classifier", registry.model("main.ml.churn").description());
            String experiment = sandbox.tracking().client().experiment("registry-accessor");
            assertFalse(experiment.isBlank());
            assertTrue(Files.exists(dir.resolve("mlruns.db")), "the store lives in the sandbox's tracking directory");
        }
        assertFalse(SharedSpark.session().sparkContext().isStopped(), "a borrowed session is not stopped");
    }

    @Test
    void namesOutsideTheUnityCatalogFormAreRefused(@TempDir Path dir) {
        SharedSpark.session();
        try (Sandbox sandbox = Sandbox.builder().trackingDirectory(dir).build()) {
            RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> sandbox.registry().createModel("churn", "two-level names are workspace-registry names"));
            assertTrue(e.getMessage().contains("churn"), e.getMessage());
        }
    }
}
