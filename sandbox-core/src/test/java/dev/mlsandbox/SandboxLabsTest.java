package dev.mlsandbox;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.LabRunner;
import dev.mlsandbox.testing.SharedSpark;

/** The notebook-facing lab accessors follow one pattern: {@code sandbox.<area>Lab()} for the catalog lab {@code <area>}. */
class SandboxLabsTest {

    @Test
    void everyLabAccessorIsNamedAfterItsCatalogLabAndReturnsIt(@TempDir Path dir) throws Exception {
        SharedSpark.session();
        List<String> named = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.builder().trackingDirectory(dir).build()) {
            for (Method m : Sandbox.class.getMethods()) {
                if (m.getReturnType() != LabRunner.class || m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                assertTrue(m.getName().endsWith("Lab"), m.getName() + " returns a lab: name it <area>Lab");
                String lab = m.getName().substring(0, m.getName().length() - "Lab".length())
                        .replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
                LabDescriptor<?, ?> descriptor = Labs.find(lab).orElseThrow(
                        () -> new AssertionError(m.getName() + "() names no catalog lab '" + lab + "'"));
                assertSame(descriptor, ((LabRunner<?, ?>) m.invoke(sandbox)).descriptor(), m.getName());
                named.add(lab);
            }
        }
        assertTrue(named.containsAll(List.of("pipeline", "tuning", "tracking", "registry", "drift", "retraining")), named.toString());
    }
}
