package dev.mlsandbox.hello.lab;

import java.util.stream.IntStream;

import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.report.Format;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.Section;
import dev.mlsandbox.report.Table;

/** Renders a {@link HelloLabResult}; computes nothing new. */
final class HelloLabReport {

    private HelloLabReport() {
    }

    static Report build(HelloLabResult r) {
        Report.Builder b = Report.builder(HelloLab.NAME, "Hello: uniform draws from Spark")
                .summary(r.options().rows() + " draws of rand(" + r.options().seed() + "), counted in "
                        + r.options().buckets() + " buckets.")
                .provenance(r.provenance())
                .takeaway("The draws' mean was " + Format.number(r.mean()) + " (0.5 expected).", "hello.mean", r.mean());
        b.data("counts", r.counts());
        Table.Builder t = Table.builder("Draws per bucket", "bucket", "draws");
        IntStream.range(0, r.counts().size()).forEach(i -> t.row(i, r.counts().get(i)));
        b.section(Section.builder("Counts").add(t.build()).build());
        MlflowRun.addTo(b, r.mlflowRun());
        return b.build();
    }
}
