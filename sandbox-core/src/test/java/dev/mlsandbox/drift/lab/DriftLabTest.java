package dev.mlsandbox.drift.lab;

import dev.mlsandbox.testing.TrackedLabs;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsandbox.report.JsonRenderer;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.testing.CheckedProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftLabTest {

    @Test
    void showsDriftWithoutDegradationAndDegradationWithoutDrift(@TempDir Path dir) throws Exception {
        DriftLabOptions options = DriftLabOptions.defaults().withRowsPerWindow(1500).withWindows(4)
                .withPowerSizes(List.of(500, 5000, 100_000));
        CheckedProgress progress = new CheckedProgress();
        DriftLabResult r;
        try (TrackedLabs tracked = TrackedLabs.in(dir)) {
            r = new DriftLab(options).run(tracked.context(progress));
            tracked.assertLogged(DriftLab.NAME, options, r, r.mlflowRun());
        }
        progress.assertEveryTaskCompleted();

        assertTrue(r.sparkAgreement() < 1e-9, "JVM scoring must be Spark's model: " + r.sparkAgreement());
        assertTrue(r.referenceAuc() > 0.7, "model learned something: " + r.referenceAuc());

        Scenario irr = Scenario.IRRELEVANT_COVARIATE_SHIFT;
        assertEquals(2, r.flagged(irr, true), "a 1.5-std shift is drift in every changed window");
        assertTrue(Math.abs(r.mean(irr, true, DriftLabResult.WindowRow::auc) - r.mean(irr, false,
                DriftLabResult.WindowRow::auc)) < 0.03, "without degradation");

        Scenario con = Scenario.SUDDEN_CONCEPT_DRIFT;
        assertEquals(0, r.flagged(con, true), "concept drift leaves the inputs alone");
        assertTrue(r.mean(con, true, DriftLabResult.WindowRow::auc) < r.mean(con, false,
                DriftLabResult.WindowRow::auc) - 0.2, "but the model degrades");

        assertTrue(r.mean(Scenario.PRIOR_SHIFT, true, DriftLabResult.WindowRow::churnRate)
                > r.mean(Scenario.PRIOR_SHIFT, false, DriftLabResult.WindowRow::churnRate) + 0.1);

        var first = r.power().get(0);
        var last = r.power().get(r.power().size() - 1);
        assertTrue(last.pValue() < 0.05 && first.pValue() > 0.05, r.power().toString());
        assertTrue(last.ksD() < 0.1 && !last.rigorousDrift(), "negligible effect, not flagged by rigorous");

        var bins = r.binning();
        assertTrue(bins.get(bins.size() - 1).psiNoShift() > 2 * bins.get(0).psiNoShift(), "PSI noise grows with bins");
        assertTrue(r.disagreements().get(0).ksFlags() && !r.disagreements().get(0).psiFlags());

        Report report = r.report();
        assertTrue(report.takeaways().size() >= 6);
        var json = JsonRenderer.parse(new JsonRenderer().render(report));
        assertEquals(Scenario.values().length * 4, json.path("windows").size());
        assertFalse(json.path("powerCurve").isEmpty());
    }
}
