package dev.mlsandbox.drift;

import dev.mlsandbox.lab.BuildInfo;
import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.report.BarChart;
import dev.mlsandbox.report.LineChart;
import dev.mlsandbox.report.Format;
import dev.mlsandbox.report.KeyValues;
import dev.mlsandbox.report.Provenance;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.Section;
import dev.mlsandbox.report.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of comparing a reference with a current data set: per-column metrics (no verdict),
 * the preset's verdict, the bins used (save them to reuse), and where the time went.
 *
 * @param referenceSource where the reference came from
 * @param currentSource   where the current data came from
 * @param referenceRows   reference rows
 * @param currentRows     current rows
 * @param columns         metrics per column
 * @param verdict         the preset's decision
 * @param bins            the bins every binned metric used
 * @param preset          the preset
 * @param requestedBins   bins asked for
 * @param loadSeconds     time to read the inputs (0 for in-memory data)
 * @param computeSeconds  time to compute the metrics and the verdict
 */
public record DriftResult(String referenceSource, String currentSource, long referenceRows, long currentRows,
                          List<ColumnDrift> columns, DriftVerdict verdict, DriftBins bins, DriftPreset preset,
                          int requestedBins, double loadSeconds, double computeSeconds) implements LabResult {
    public DriftResult {
        columns = List.copyOf(columns);
    }

    /** The same result with the time it took to load the inputs. */
    public DriftResult withLoadSeconds(double seconds) {
        return new DriftResult(referenceSource, currentSource, referenceRows, currentRows, columns, verdict, bins,
                preset, requestedBins, seconds, computeSeconds);
    }

    /** Whether the data set as a whole drifted under the preset. */
    public boolean datasetDrift() {
        return verdict.datasetDrift();
    }

    /** The metrics of one column. */
    public ColumnDrift column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column '" + name + "' in this result"));
    }

    /** The machine-readable part of report.json (docs/report-format.md, section "drift"). */
    public List<Map<String, Object>> columnsJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            ColumnDrift c = columns.get(k);
            ColumnVerdict v = verdict.columns().get(k);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("type", c.type());
            m.put("referenceCount", c.referenceCount());
            m.put("currentCount", c.currentCount());
            Map<String, Object> tests = new LinkedHashMap<>();
            if (c instanceof NumericDrift n) {
                tests.put("ks", obj("statistic", n.ks().statistic(), "pValue", n.ks().pValue(), "method", n.ks().method(),
                        "location", n.ks().location(), "sign", n.ks().sign()));
                tests.put("psi", obj("value", n.psi(), "bins", n.bins().size(), "band", DriftPreset.psiBand(n.psi()),
                        "edges", Arrays.stream(n.bins().edges()).boxed().toList()));
                tests.put("wasserstein", obj("value", n.wasserstein(), "normalized", n.wassersteinNormalized(),
                        "referenceStd", n.referenceStd()));
                if (n.fewValues() != null) {
                    FewValues f = n.fewValues();
                    tests.put("fewValues", obj("values", Arrays.stream(f.values()).boxed().toList(),
                            "reference", Arrays.stream(f.reference()).boxed().toList(),
                            "current", Arrays.stream(f.current()).boxed().toList(),
                            "currentOtherDistinct", f.currentOtherDistinct(), "integral", n.integral()));
                }
            } else if (c instanceof CategoricalDrift cd) {
                ChiSquareResult chi = cd.chiSquare();
                Map<String, Object> chiJson = obj("statistic", chi.defined() ? chi.statistic() : null,
                        "pValue", chi.pValue(), "dof", chi.dof());
                if (!chi.defined()) {
                    chiJson.put("undefinedBecause", CHI_SQUARE_UNDEFINED);
                }
                tests.put("chiSquare", chiJson);
                tests.put("psi", obj("value", cd.psi(), "bins", cd.bins().size(), "band", DriftPreset.psiBand(cd.psi())));
                tests.put("unseen", unseenJson(cd));
            }
            tests.put("jensenShannon", obj("value", c.jensenShannon(), "logBase", "e"));
            tests.put("totalVariation", obj("value", c.totalVariation()));
            tests.put("lInfinity", obj("value", c.lInfinity()));
            m.put("tests", tests);
            m.put("effectSize", c.effectSize());
            m.put("drifted", v.drifted());
            m.put("verdict", obj("test", v.test(), "value", v.value(), "threshold", v.threshold(), "reason", v.reason()));
            m.put("histogram", obj("labels", c.histogram().labels(),
                    "reference", Arrays.stream(c.histogram().reference()).boxed().toList(),
                    "current", Arrays.stream(c.histogram().current()).boxed().toList()));
            out.add(m);
        }
        return out;
    }

    /** Why report.json's chi-square statistic is null when a current category is new. */
    static final String CHI_SQUARE_UNDEFINED = "a current category has reference share 0, so its expected count is 0: "
            + "the statistic is infinite and the p-value 0 (scipy.stats.chisquare; Evidently reports that p-value)";

    /** The unseen categories of a column and what a StringIndexer fitted on the reference does with them. */
    static Map<String, Object> unseenJson(CategoricalDrift cd) {
        UnseenCategories u = cd.unseen();
        List<Map<String, Object>> named = u.top().stream()
                .map(t -> obj("name", t.name(), "count", t.count(), "share", t.share())).toList();
        Map<String, Object> m = obj("count", u.count(), "share", u.share(), "distinct", u.distinct(),
                "categories", named, "threshold", DriftPreset.UNSEEN_SHARE);
        if (u.any()) {
            int numLabels = cd.bins().categories().size();
            m.put("stringIndexer", obj("error", "transform fails on the first such row",
                    "skip", obj("droppedRows", u.count()),
                    "keep", obj("index", numLabels, "rows", u.count())));
        }
        return m;
    }

    /** What a StringIndexer fitted on the reference does with a column's unseen categories, in words. */
    static String stringIndexerConsequences(CategoricalDrift cd) {
        UnseenCategories u = cd.unseen();
        int numLabels = cd.bins().categories().size();
        return "A StringIndexer fitted on the reference has " + numLabels + " labels for '" + cd.name() + "' (indices 0 to "
                + (numLabels - 1) + "). With handleInvalid=\"error\" (the default) the transform fails; with \"skip\" the "
                + u.count() + " rows (" + UnseenCategories.percent(u.share()) + ") are dropped and never scored; with "
                + "\"keep\" they all map to index " + numLabels + " (numLabels), one bucket the model never saw in training.";
    }

    @Override
    public Report report() {
        Provenance provenance = new Provenance(BuildInfo.sandboxVersion(), BuildInfo.sparkVersion(),
                BuildInfo.scalaVersion(), BuildInfo.javaVersion(), "none (in-JVM engine)", 0L, referenceRows,
                Instant.now().toString(), loadSeconds + computeSeconds,
                Map.of("preset", preset.id(), "bins", String.valueOf(requestedBins),
                        "reference", referenceSource, "current", currentSource));
        return report(provenance);
    }

    /** The report with the caller's provenance (the Spark path supplies its master). */
    public Report report(Provenance provenance) {
        long drifted = verdict.driftedCount();
        Report.Builder b = Report.builder("drift", "Drift: " + currentSource + " vs " + referenceSource)
                .summary("Compared " + columns.size() + " columns of " + currentRows + " current rows with "
                        + referenceRows + " reference rows under the '" + preset.id() + "' preset. "
                        + Character.toUpperCase(verdict.rule().charAt(0)) + verdict.rule().substring(1) + ".")
                .provenance(provenance);
        b.takeaway(drifted + " of " + columns.size() + " columns drifted under '" + preset.id() + "'; dataset drift: "
                + (verdict.datasetDrift() ? "yes" : "no") + ".", "drift.driftedColumns", drifted);
        long negligible = columns.stream().filter(c -> c.pValue() < DriftPreset.ALPHA
                && c.effectSize() < DriftPreset.EFFECT_SIZE_FLOOR).count();
        if (negligible > 0) {
            b.takeaway(negligible + " column(s) have p < 0.05 but an effect size below 0.1: statistically "
                    + "significant, practically negligible.", "drift.significantButNegligible", negligible);
        }
        List<CategoricalDrift> withUnseen = columns.stream().filter(c -> c instanceof CategoricalDrift cd
                && cd.unseen().any()).map(c -> (CategoricalDrift) c).toList();
        for (CategoricalDrift cd : withUnseen) {
            UnseenCategories u = cd.unseen();
            b.takeaway("'" + cd.name() + "' has categories the reference never had: " + u.describe() + " of the current "
                    + "rows" + (u.share() >= DriftPreset.UNSEEN_SHARE ? " (at least 1 %: drift under every preset)."
                    : " (below 1 %: not drift by itself, but a StringIndexer with handleInvalid=error still fails)."),
                    "drift.unseenShare." + cd.name(), u.share());
        }
        columns.stream().max((x, y) -> Double.compare(x.effectSize(), y.effectSize())).ifPresent(c ->
                b.takeaway("Largest effect size: '" + c.name() + "' with " + (c instanceof NumericDrift ? "KS D " : "TV ")
                        + Format.number(c.effectSize()) + ".", "drift.maxEffectSize", c.effectSize()));
        b.data("columns", columnsJson());
        b.data("datasetDrift", verdict.datasetDrift());
        b.data("drift", obj("preset", preset.id(), "driftedColumns", drifted, "driftedShare", verdict.driftedShare(),
                "rule", verdict.rule()));
        b.data("timings", obj("loadSeconds", loadSeconds, "computeSeconds", computeSeconds));
        b.data("inputs", obj("reference", referenceSource, "current", currentSource, "referenceRows", referenceRows,
                "currentRows", currentRows));

        Table.Builder t = Table.builder("Per-column metrics (effect size: KS D for numeric, TV for categorical)",
                "column", "type", "p-value", "effect size", "PSI", "Wasserstein/std", "JS", "drifted", "why");
        for (int k = 0; k < columns.size(); k++) {
            ColumnDrift c = columns.get(k);
            ColumnVerdict v = verdict.columns().get(k);
            t.row(c.name(), c.type(), c.pValue(), c.effectSize(), c.psi(),
                    c instanceof NumericDrift n ? Format.number(n.wassersteinNormalized()) : "",
                    c.jensenShannon(), v.drifted() ? "yes" : "no", v.reason());
        }
        b.section(Section.builder("Verdict")
                .add(KeyValues.of("", obj("preset", preset.id(), "dataset drift", verdict.datasetDrift() ? "yes" : "no",
                        "drifted columns", drifted + " / " + columns.size(), "rule", verdict.rule(),
                        "load", Format.seconds(loadSeconds), "compute", Format.seconds(computeSeconds))))
                .add(t.build()).build());
        if (!withUnseen.isEmpty()) {
            b.section(unseenSection(withUnseen));
        }
        Section.Builder charts = Section.builder("Distributions per column")
                .text("Share of rows per bin (numeric: reference-quantile bins, so the reference is flat by "
                        + "construction; categorical: reference categories plus one bucket for unseen ones). "
                        + "For a numeric column the empirical CDFs follow: the share of rows at or below each "
                        + "value; KS D is the largest vertical gap between the two curves, drawn where it occurs.");
        for (ColumnDrift c : columns) {
            Histogram h = c.histogram();
            charts.add(new BarChart(c.name() + " (" + c.type() + ")", "bin", "share of rows", h.labels(),
                    List.of(new BarChart.Series("reference", boxed(h.referenceShare())),
                            new BarChart.Series("current", boxed(h.currentShare())))));
            if (c instanceof NumericDrift n && !n.ecdf().isEmpty()) {
                charts.add(ecdfChart(n));
            }
        }
        b.section(charts.build());
        return b.build();
    }

    /** Categories absent from the reference: which, how many rows, and what a StringIndexer does with them. */
    private static Section unseenSection(List<CategoricalDrift> columns) {
        Section.Builder s = Section.builder("New categories")
                .text("Categories the current data has and the reference never had. At " + UnseenCategories.percent(
                        DriftPreset.UNSEEN_SHARE) + " of a column's current rows or more, the column drifts under every "
                        + "preset. The chi-square statistic of such a column is undefined (a category with reference share "
                        + "0 has expected count 0): its p-value is 0, as scipy and Evidently give.");
        Table.Builder t = Table.builder("Unseen categories (the " + UnseenCategories.TOP + " most frequent per column)",
                "column", "category", "current rows", "share of current rows");
        for (CategoricalDrift cd : columns) {
            for (UnseenCategories.Category c : cd.unseen().top()) {
                t.row(cd.name(), c.name(), c.count(), UnseenCategories.percent(c.share()));
            }
            if (cd.unseen().distinct() > cd.unseen().top().size()) {
                t.row(cd.name(), "(" + (cd.unseen().distinct() - cd.unseen().top().size()) + " more)", "", "");
            }
        }
        s.add(t.build());
        for (CategoricalDrift cd : columns) {
            s.text(stringIndexerConsequences(cd));
        }
        return s.build();
    }

    /** Both ECDFs as staircases, and D as a vertical segment between them where they differ most. */
    static LineChart ecdfChart(NumericDrift n) {
        Ecdf e = n.ecdf();
        return new LineChart(n.name() + ": empirical CDFs (KS D = " + Format.number(n.ks().statistic()) + " at "
                + Format.number(e.dAt()) + ")", n.name(), "share of rows <= x",
                List.of(new LineChart.XYSeries("reference", e.x(), e.reference(), true),
                        new LineChart.XYSeries("current", e.x(), e.current(), true),
                        new LineChart.XYSeries("D", List.of(e.dAt(), e.dAt()),
                                List.of(e.referenceAtD(), e.currentAtD()))));
    }

    private static List<Double> boxed(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    /**
     * A JSON object from alternating keys and values. Non-finite doubles are kept: the report
     * renderer writes them as the strings "Infinity" / "NaN" (docs/report-format.md).
     */
    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], kv[k + 1]);
        }
        return m;
    }
}
