package dev.mlsandbox.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules can fail: each reports the break the fixture package makes on purpose, and only that. */
class LayeringTest {
    static final String FIXTURE = "dev.mlsandbox.architecture.fixture";
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    private static String violations(EvaluationResult result) {
        assertTrue(result.hasViolation(), "the rule should have failed on the fixture");
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void aDeliberateCycleIsReported() {
        String report = violations(Layering.noCycles(FIXTURE).evaluate(fixture));
        assertTrue(report.contains("fixture.store") && report.contains("fixture.tracking"), report);
    }

    @Test
    void aLowerLayerUsingAConceptIsReported() {
        String report = violations(Layering.lowerLayersKnowNoConcept(FIXTURE).evaluate(fixture));
        assertTrue(report.contains("Rows") && report.contains("a lower layer must not use a concept"), report);
        assertTrue(!report.contains("Run.rows"), "a concept may use a lower layer:\n" + report);
    }

    @Test
    void aConceptUsingAnotherConceptsInternalsIsReported() {
        String report = violations(Layering.conceptsKeepOutOfEachOthersInternals(FIXTURE).evaluate(fixture));
        assertTrue(report.contains("Models") && report.contains("internal to tracking"), report);
        assertTrue(!report.contains("Rows"), report);
    }
}
