package dev.mlsandbox.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.mlsandbox.Sandbox;
import java.nio.file.Path;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's own classes (sandbox-core's main code) follow the layering of
 * docs/architecture.md. A failure names each offending dependency, the class and line, and the
 * rule it breaks.
 */
class ArchitectureTest {
    static final String ROOT = "dev.mlsandbox";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() throws Exception {
        // the directory of sandbox-core's main classes only: scanning the whole class path for the
        // package would open every Spark jar (about a minute)
        Path mainClasses = Path.of(Sandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPath(mainClasses);
    }

    @Test
    void noPackageCycles() {
        Layering.noCycles(ROOT).check(classes);
    }

    @Test
    void lowerLayersNeverDependOnConcepts() {
        Layering.lowerLayersKnowNoConcept(ROOT).check(classes);
    }

    @Test
    void conceptsNeverUseEachOthersInternals() {
        Layering.conceptsKeepOutOfEachOthersInternals(ROOT).check(classes);
    }
}
