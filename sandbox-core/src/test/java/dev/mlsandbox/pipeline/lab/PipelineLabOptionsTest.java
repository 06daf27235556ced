package dev.mlsandbox.pipeline.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.mlsandbox.Labs;
import dev.mlsandbox.lab.LabSettings;

class PipelineLabOptionsTest {

    @Test
    void defaultsAreDocumentedAndWithersChangeOneField() {
        PipelineLabOptions d = PipelineLabOptions.defaults();
        assertEquals(5_000, d.rows());
        assertEquals(42L, d.seed());
        assertEquals(20, d.numTrees());
        PipelineLabOptions changed = d.withRows(800).withSeed(7).withNumTrees(3).withMaxDepth(2).withTestFraction(0.3)
                .withUnseenRows(5).withInvalidRows(4).withPriceShift(0).withRegParam(0.5);
        assertEquals(new PipelineLabOptions(800, 7, 3, 2, 0.3, 5, 4, 0.0, 0.5, true), changed);
        assertEquals(false, changed.withConcurrentProbes(false).concurrentProbes());
        assertEquals(800, changed.churnSpec().rows());
        assertEquals(7L, changed.churnSpec().seed());
        assertEquals("800", changed.toParameters().get("rows"));
    }

    @Test
    void badOptionsAreRefusedNamingTheOptionAndTheRule() {
        assertMessage(() -> PipelineLabOptions.defaults().withRows(10), "rows = 10 must be >= 100");
        assertMessage(() -> PipelineLabOptions.defaults().withTestFraction(1.0), "testFraction = 1.0 must be in (0, 1)");
        assertMessage(() -> PipelineLabOptions.defaults().withNumTrees(0), "numTrees = 0 must be in [1, 500]");
        assertMessage(() -> PipelineLabOptions.defaults().withMaxDepth(31), "maxDepth = 31");
        assertMessage(() -> PipelineLabOptions.defaults().withUnseenRows(0), "unseenRows = 0");
        assertMessage(() -> PipelineLabOptions.defaults().withInvalidRows(5_000), "invalidRows = 5000 must be in [1, rows)");
        assertMessage(() -> PipelineLabOptions.defaults().withPriceShift(Double.NaN), "priceShift = NaN");
        assertMessage(() -> PipelineLabOptions.defaults().withRegParam(-1), "regParam = -1.0");
    }

    @Test
    void theCatalogBuildsTheLabFromTheCommonSettings() {
        var descriptor = Labs.find(PipelineLab.NAME).orElseThrow();
        PipelineLab lab = (PipelineLab) descriptor.create(new LabSettings(9, OptionalInt.of(1_234)));
        assertEquals(9L, lab.options().seed());
        assertEquals(1_234, lab.options().rows());
        PipelineLab byDefault = (PipelineLab) descriptor.create(LabSettings.defaults());
        assertEquals(PipelineLabOptions.DEFAULT_ROWS, byDefault.options().rows());
        assertEquals(PipelineLab.NAME, lab.name());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
