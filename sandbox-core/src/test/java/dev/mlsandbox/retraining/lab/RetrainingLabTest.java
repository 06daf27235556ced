package dev.mlsandbox.retraining.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.report.HtmlRenderer;
import dev.mlsandbox.report.JsonRenderer;
import dev.mlsandbox.report.MarkdownRenderer;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.retraining.Attempt;
import dev.mlsandbox.retraining.AuditTrail;
import dev.mlsandbox.retraining.Strategy;
import dev.mlsandbox.retraining.StrategyRun;
import dev.mlsandbox.testing.CheckedProgress;
import dev.mlsandbox.testing.TrackedLabs;

/** The lab end to end on a short stream: registry trail consistent with the decisions, a report that renders. */
class RetrainingLabTest {

    @Test
    void shortRunRegistersEveryDecisionAndReportsIt(@TempDir Path dir) throws Exception {
        RetrainingLabOptions options = RetrainingLabOptions.defaults().withWindows(15).withRowsPerWindow(300)
                .withStrategies(List.of(Strategy.Kind.NONE, Strategy.Kind.SCHEDULED, Strategy.Kind.PERFORMANCE))
                .with("scheduleEvery", "3");
        CheckedProgress progress = new CheckedProgress();
        RetrainingLabResult r;
        try (TrackedLabs tracked = TrackedLabs.in(dir)) {
            r = new RetrainingLab(options).run(tracked.context(progress));
            tracked.assertLogged(RetrainingLab.NAME, options, r, r.mlflowRun());
        }
        progress.assertEveryTaskCompleted();

        assertTrue(r.sparkAgreement() < 1e-9, "driver scoring is Spark's: " + r.sparkAgreement());
        assertEquals(List.of("none", "scheduled", "scheduled+gate", "performance", "performance+gate"),
                r.runs().stream().map(StrategyRun::strategy).toList());
        StrategyRun scheduled = r.run("scheduled");
        assertEquals(List.of(5, 8, 11, 14), scheduled.attempts().stream().map(Attempt::window).toList());
        for (StrategyRun run : r.runs()) {
            List<AuditTrail.VersionRecord> versions = r.auditTrail().get(run.strategy());
            assertEquals(run.attempts().size() + 1, versions.size(), run.strategy() + ": a version per model");
            long champions = versions.stream().filter(v -> v.aliases().contains("champion")).count();
            assertEquals(1, champions, run.strategy());
            // replay the run: a rollback is checked before the window's trigger, a serving decision moves @champion
            long champion = 1;
            for (int w = 0; w < options.windows(); w++) {
                for (var rb : run.rollbacks()) {
                    if (rb.window() == w) {
                        champion = rb.toVersion();
                    }
                }
                for (Attempt a : run.attempts()) {
                    if (a.window() == w && a.decision().serves()) {
                        champion = a.version();
                    }
                }
            }
            long expected = champion;
            assertTrue(versions.stream().anyMatch(v -> v.version() == expected && v.aliases().contains("champion")),
                    run.strategy() + ": @champion on v" + expected + " in " + versions);
            long failed = versions.stream().filter(v -> "FAILED".equals(v.tags().get("model_validation_status"))).count();
            assertEquals(run.refusals(), failed, run.strategy());
            if (!run.gated()) {
                assertEquals(run.attempts().size(), versions.stream()
                        .filter(v -> "NOT_VALIDATED".equals(v.tags().get("model_validation_status"))).count());
            }
        }
        assertTrue(r.loggedModels() <= r.batchFits() + 1, "each model logged once: " + r.loggedModels());

        Report report = r.report();
        assertTrue(report.takeaways().size() >= 3, report.takeaways().toString());
        JsonNode json = JsonRenderer.parse(new JsonRenderer().render(report));
        for (String key : List.of("settings", "baseline", "events", "windows", "strategies", "runs", "auditTrail", "registry")) {
            assertTrue(json.has(key), key);
        }
        assertEquals(5, json.get("strategies").size());
        assertEquals(15, json.get("windows").size());
        String html = new HtmlRenderer().render(report);
        assertTrue(html.contains("class=\"marker\"") && html.contains("class=\"guide\""));
        assertTrue(new MarkdownRenderer().render(report).contains("marked points"));
    }
}
