package dev.mlsandbox.hello.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.testing.CheckedProgress;
import dev.mlsandbox.testing.TrackedLabs;

/** The template lab runs for real and logs its run like every lab. */
class HelloLabTest {

    @Test
    void countsEveryDrawAndLogsTheRun(@TempDir Path dir) throws Exception {
        HelloLabOptions options = HelloLabOptions.defaults().withRows(2_000);
        CheckedProgress progress = new CheckedProgress();
        try (TrackedLabs tracked = TrackedLabs.in(dir)) {
            HelloLabResult r = new HelloLab(options).run(tracked.context(progress));
            tracked.assertLogged(HelloLab.NAME, options, r, r.mlflowRun());
            assertEquals(2_000L, r.counts().stream().mapToLong(Long::longValue).sum());
            assertEquals(options.buckets(), r.counts().size());
            assertTrue(Math.abs(r.mean() - 0.5) < 0.05, "uniform draws: " + r.mean());
            assertEquals(options.toParameters(), r.provenance().parameters());
        }
        progress.assertEveryTaskCompleted();
    }
}
