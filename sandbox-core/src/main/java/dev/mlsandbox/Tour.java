package dev.mlsandbox;

import dev.mlsandbox.lab.Failures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.lab.LabSettings;
import dev.mlsandbox.report.IndexPage;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.ReportWriter;
import dev.mlsandbox.report.Takeaway;

/**
 * Runs every lab of the catalog on one session and writes {@code <out>/<lab>/report.*} and
 * {@code <out>/index.html}. A lab that fails is recorded with its reason and the tour goes on,
 * so one broken lab does not hide the others.
 */
public final class Tour {

    private final Sandbox sandbox;
    private final ReportWriter writer = new ReportWriter();

    public Tour(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** What the tour did: one entry per lab, and the index page. */
    public record Outcome(List<IndexPage.Entry> entries, Path index) {
        public boolean allSucceeded() {
            return entries.stream().allMatch(IndexPage.Entry::ok);
        }
    }

    /** Called after each lab, so a caller can print where its report went. */
    public interface Listener {
        void finished(IndexPage.Entry entry, Path reportDirectory);
    }

    public Outcome run(Path out, LabSettings settings, Listener listener) {
        return run(out, settings, Labs.all(), listener);
    }

    public Outcome run(Path out, LabSettings settings, List<LabDescriptor<?, ?>> labs, Listener listener) {
        LabContext context = sandbox.context();
        LabContext.Clock clock = context.startClock();
        List<IndexPage.Entry> entries = new ArrayList<>();
        for (LabDescriptor<?, ?> descriptor : labs) {
            long start = System.nanoTime();
            Path directory = out.resolve(descriptor.name());
            IndexPage.Entry entry;
            try {
                Lab<?> lab = descriptor.create(settings);
                LabResult result = lab.run(context);
                Report report = result.report();
                writer.write(report, directory);
                entry = new IndexPage.Entry(descriptor.name(), report.title(), descriptor.summary(), "ok",
                        seconds(start), report.takeaways().stream().map(Takeaway::text).toList());
            } catch (RuntimeException e) {
                context.progress().end();
                entry = new IndexPage.Entry(descriptor.name(), descriptor.name(), descriptor.summary(),
                        Failures.oneLine(e), seconds(start), List.of());
            }
            entries.add(entry);
            listener.finished(entry, directory);
        }
        Path index = new IndexPage().write(out, "MLOps Sandbox tour", entries,
                clock.provenance(settings.seed(), 0, Map.of("labs", String.join(",", Labs.names()))));
        return new Outcome(entries, index);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
