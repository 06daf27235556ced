package dev.mlsandbox.tracking;

import dev.mlsandbox.testing.TrackedLabs;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.ReportWriter;
import dev.mlsandbox.testing.CheckedProgress;
import dev.mlsandbox.tracking.lab.TrackingLab;
import dev.mlsandbox.tracking.lab.TrackingLabOptions;
import dev.mlsandbox.tracking.lab.TrackingLabResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracking lab's measured facts: the lessons it reports must be what the server did. */
class TrackingLabTest {

    @Test
    void labMeasuresTheLessons(@TempDir Path dir) throws Exception {
        TrackingLabOptions options = TrackingLabOptions.defaults();
        CheckedProgress progress = new CheckedProgress();
        TrackingLabResult r;
        try (TrackedLabs tracked = TrackedLabs.in(dir)) {
            r = new TrackingLab(options).run(tracked.context(progress));
            tracked.assertLogged(TrackingLab.NAME, options, r, r.mlflowRun());
        }
        progress.assertEveryTaskCompleted();
        int teams = TrackingLabOptions.TEAMS.length;
        assertEquals(teams * options.runsPerTeam(), r.totalRuns());
        int gbtRuns = teams * (options.runsPerTeam() / 3);
        assertEquals(gbtRuns, matched(r, "has auc"), "only runs with the key match");
        assertEquals(0, matched(r, "not reviewed?"), "!= never matches runs without the tag");
        assertEquals(2, matched(r, "by id"));
        assertEquals(5, matched(r, "top 5 by rmse"));
        assertEquals(List.of(5, 5, 2), r.pages());
        assertEquals(options.epochs(), r.bestHistory().size());
        assertTrue(r.bestHistory().get(0) > r.bestHistory().get(options.epochs() - 1), "the curve goes down");
        for (var f : r.failureModes()) {
            assertEquals(400, f.status(), f.name());
            assertEquals("INVALID_PARAMETER_VALUE", f.errorCode(), f.name());
        }
        double best = r.leaderboard().get(0).rmse();
        for (var row : r.leaderboard()) {
            assertTrue(row.rmse() >= best);
        }

        Report report = r.report();
        Path out = Files.createTempDirectory("tracking-report");
        var files = new ReportWriter().write(report, out);
        assertTrue(Files.readString(files.html()).contains("Failure modes"));
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"failureModes\""));
    }

    private static int matched(TrackingLabResult r, String name) {
        return r.comparisons().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().matched();
    }
}
