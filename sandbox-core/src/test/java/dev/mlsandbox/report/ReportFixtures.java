package dev.mlsandbox.report;

import java.util.List;
import java.util.Map;

/** A small report that uses every block type, for renderer tests. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    record Measured(String name, double value, List<Integer> folds) {
    }

    static Report everyBlock() {
        Provenance provenance = new Provenance("0.1.0", "4.1.0", "2.13.17", "17", "local[2]", 7L, 100L,
                "2026-01-01T00:00:00Z", 1.5, Map.of("folds", "3"));
        return Report.builder("demo", "A <demo> & report")
                .summary("Shows `every` block.")
                .provenance(provenance)
                .takeaway("CV fitted 13 models = 3 folds x 4 maps + 1 refit", "crossValidator.fits", 13)
                .section(Section.builder("Text and code")
                        .text("Plain text with `inline code` and <angle brackets>.")
                        .code("text", "line one\nline | two")
                        .add(KeyValues.of("Settings", Map.of("numFolds", 3)))
                        .build())
                .section(Section.of("Tables and charts",
                        Table.builder("Metrics", "param map", "mean").row("maxDepth=3", 0.81234567).row("a|b", 1e-7).build(),
                        new BarChart("Time per strategy", "strategy", "seconds", List.of("CV", "TVS"),
                                List.of(new BarChart.Series("time", List.of(3.0, 1.0), List.of(0.2, 0.1)))),
                        new LineChart("Power curve", "n", "p-value", List.of(
                                new LineChart.XYSeries("ks", List.of(100.0, 1000.0, 10000.0), List.of(0.5, 0.05, 1e-6)),
                                new LineChart.XYSeries("ecdf", List.of(1.0, 2.0, 3.0), List.of(0.2, 0.6, 1.0), true)),
                                true, true)))
                .data("crossValidator", new Measured("cv", 0.5, List.of(1, 2, 3)))
                .build();
    }
}
