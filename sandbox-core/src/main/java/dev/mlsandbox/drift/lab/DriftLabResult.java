package dev.mlsandbox.drift.lab;

import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.report.Format;
import dev.mlsandbox.report.LineChart;
import dev.mlsandbox.report.LineChart.XYSeries;
import dev.mlsandbox.report.Provenance;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.Section;
import dev.mlsandbox.report.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What the drift lab measured.
 *
 * @param options        the options it ran with
 * @param referenceAuc   the model's AUC on a fresh window from the reference distribution
 * @param sparkAgreement largest |P(churn)| difference between Spark's transform and the JVM scoring
 * @param coefficients   the Spark-trained coefficients (tenure, charges, device_age, basic, pro)
 * @param windows        one row per scenario and window
 * @param power          the KS power curve for a negligible shift
 * @param binning        PSI against the number of bins
 * @param disagreements  PSI versus KS cases
 * @param provenance     seed, sizes, versions, timing
 * @param mlflowRun      where the run was logged, or null when tracking is off
 */
public record DriftLabResult(DriftLabOptions options, double referenceAuc, double sparkAgreement, double[] coefficients,
                             List<WindowRow> windows, List<PowerPoint> power, List<BinningPoint> binning,
                             List<Disagreement> disagreements, Provenance provenance, MlflowRun mlflowRun)
        implements LabResult {

    /** One window of one scenario: input drift next to measured model quality. */
    public record WindowRow(String scenario, int window, double intensity, int rows, double churnRate, double auc,
                            double accuracy, List<String> driftedColumns, boolean datasetDrift, double maxKsD,
                            double maxPsi) {
    }

    /** KS on a negligible shift at sample size n (median of 3 repetitions). */
    public record PowerPoint(int n, double pValue, double ksD, boolean significant, boolean rigorousDrift) {
    }

    /** PSI for a 0.25-std shift and for no shift, with a given number of bins. */
    public record BinningPoint(int bins, double psiShift, double psiNoShift) {
    }

    /** A case where PSI and KS may disagree. */
    public record Disagreement(String name, String lesson, int n, int m, double ksD, double ksPValue, double psi,
                               boolean ksFlags, boolean psiFlags) {
    }

    /** Rows of one scenario. */
    public List<WindowRow> scenario(Scenario s) {
        return windows.stream().filter(w -> w.scenario().equals(s.id())).toList();
    }

    /** Mean of a window metric over the windows where the change is (not) active. */
    public double mean(Scenario s, boolean changed, ToDoubleFunction<WindowRow> f) {
        return scenario(s).stream().filter(w -> (w.intensity() > 0) == changed).mapToDouble(f).average().orElse(Double.NaN);
    }

    /** Windows flagged as dataset drift, among those where the change is (not) active. */
    public long flagged(Scenario s, boolean changed) {
        return scenario(s).stream().filter(w -> (w.intensity() > 0) == changed && w.datasetDrift()).count();
    }

    private long changedWindows(Scenario s) {
        return scenario(s).stream().filter(w -> w.intensity() > 0).count();
    }

    @Override
    public Report report() {
        Report.Builder b = Report.builder(DriftLab.NAME, "Drift: data drift, concept drift and model degradation")
                .summary("Six simulated streams of " + options.windows() + " windows x " + options.rowsPerWindow()
                        + " rows against one reference window; a logistic regression trained in Spark on the reference "
                        + "is scored on every window (labels known), and the rigorous preset (Benjamini-Hochberg + "
                        + "effect size >= 0.1, bins fitted once on the reference) judges input drift.")
                .provenance(provenance);
        takeaways(b);
        b.data("model", DriftLabJson.model(this));
        b.data("windows", windows);
        b.data("powerCurve", power);
        b.data("binning", binning);
        b.data("disagreements", disagreements);

        Table.Builder scen = Table.builder("Per scenario: windows where the change is active vs not",
                "scenario", "what changes", "flagged (before)", "flagged (after)", "AUC before", "AUC after",
                "churn rate before", "churn rate after");
        for (Scenario s : Scenario.values()) {
            boolean hasBefore = scenario(s).stream().anyMatch(w -> w.intensity() == 0);
            scen.row(s.id(), s.description(), hasBefore ? flagged(s, false) + "" : "-",
                    changedWindows(s) > 0 ? flagged(s, true) + " / " + changedWindows(s) : "-",
                    hasBefore ? Format.number(mean(s, false, WindowRow::auc)) : "-",
                    changedWindows(s) > 0 ? Format.number(mean(s, true, WindowRow::auc)) : "-",
                    hasBefore ? Format.number(mean(s, false, WindowRow::churnRate)) : "-",
                    changedWindows(s) > 0 ? Format.number(mean(s, true, WindowRow::churnRate)) : "-");
        }
        b.section(Section.builder("Scenarios: input drift next to model quality").add(scen.build())
                .add(perScenarioChart("Model AUC per window", "AUC", WindowRow::auc))
                .add(perScenarioChart("Largest KS D per window (effect size)", "KS D", WindowRow::maxKsD))
                .add(windowTable()).build());

        List<Double> ns = power.stream().map(p -> (double) p.n()).toList();
        b.section(Section.builder("KS power curve: a negligible shift of " + options.negligibleShift() + " std")
                .text("The same tiny shift at growing n: the p-value collapses, the effect size does not. "
                        + "A p-value answers 'is there any difference?', not 'does it matter?'.")
                .add(new LineChart("KS p-value vs n", "n per side", "p-value",
                        List.of(new XYSeries("KS p-value", ns, power.stream().map(p -> Math.max(p.pValue(), 1e-300)).toList()),
                                new XYSeries("alpha 0.05", ns, ns.stream().map(x -> 0.05).toList())), true, true))
                .add(new LineChart("KS D (effect size) vs n", "n per side", "KS D",
                        List.of(new XYSeries("KS D", ns, power.stream().map(PowerPoint::ksD).toList()),
                                new XYSeries("effect-size floor 0.1", ns, ns.stream().map(x -> 0.1).toList())), true, false))
                .add(powerTable()).build());

        List<Double> bs = binning.stream().map(p -> (double) p.bins()).toList();
        b.section(Section.builder("PSI depends on the binning")
                .text("Same data, different bin counts. With more bins each bin holds fewer rows, so sampling "
                        + "noise alone raises PSI (about (bins - 1) x (1/n + 1/m) in expectation): the bands "
                        + "0.1 / 0.2 only mean something for a fixed binning and window size.")
                .add(new LineChart("PSI vs number of bins (n = " + options.rowsPerWindow() + " per side)", "bins", "PSI",
                        List.of(new XYSeries("shift 0.25 std", bs, binning.stream().map(BinningPoint::psiShift).toList()),
                                new XYSeries("no shift", bs, binning.stream().map(BinningPoint::psiNoShift).toList())),
                        true, false))
                .add(binningTable()).build());

        Table.Builder dis = Table.builder("KS versus PSI on the same data", "case", "n", "m", "KS D", "KS p",
                "PSI", "KS says", "PSI says", "lesson");
        for (Disagreement d : disagreements) {
            dis.row(d.name(), d.n(), d.m(), d.ksD(), d.ksPValue(), d.psi(), d.ksFlags() ? "drift" : "no drift",
                    d.psiFlags() ? "drift (>= 0.2)" : d.psi() >= 0.1 ? "moderate" : "no drift", d.lesson());
        }
        b.section(Section.builder("Where PSI and KS disagree").add(dis.build()).build());
        MlflowRun.addTo(b, mlflowRun);
        return b.build();
    }

    private void takeaways(Report.Builder b) {
        Scenario irr = Scenario.IRRELEVANT_COVARIATE_SHIFT;
        double irrAucDelta = mean(irr, true, WindowRow::auc) - mean(irr, false, WindowRow::auc);
        b.takeaway("Drift without degradation: device_age moved 1.5 std and " + flagged(irr, true) + " of "
                + changedWindows(irr) + " windows were flagged, yet AUC changed by " + Format.number(irrAucDelta)
                + " (the model barely uses device_age).", "drift.irrelevantShift.aucDelta", irrAucDelta);
        Scenario con = Scenario.SUDDEN_CONCEPT_DRIFT;
        double conAucAfter = mean(con, true, WindowRow::auc);
        b.takeaway("Degradation without input drift: after tenure's effect reversed, AUC fell from "
                + Format.number(mean(con, false, WindowRow::auc)) + " to " + Format.number(conAucAfter) + " while "
                + flagged(con, true) + " of " + changedWindows(con) + " windows showed input drift; only labels reveal it.",
                "drift.conceptSudden.aucAfter", conAucAfter);
        Scenario prior = Scenario.PRIOR_SHIFT;
        b.takeaway("Prior shift: the churn rate went from " + Format.percent(mean(prior, false, WindowRow::churnRate))
                + " to " + Format.percent(mean(prior, true, WindowRow::churnRate)) + "; inputs drifted in "
                + flagged(prior, true) + " of " + changedWindows(prior) + " windows because P(x) mixes P(x | y).",
                "drift.priorShift.churnRateAfter", mean(prior, true, WindowRow::churnRate));
        long falseAlarms = scenario(Scenario.STABLE).stream().filter(WindowRow::datasetDrift).count();
        b.takeaway("Stable stream: " + falseAlarms + " of " + options.windows() + " windows falsely flagged under the "
                + "rigorous preset.", "drift.stable.falseAlarms", falseAlarms);
        if (!power.isEmpty()) {
            PowerPoint first = power.get(0);
            PowerPoint last = power.get(power.size() - 1);
            b.takeaway("Power curve: the same " + options.negligibleShift() + "-std shift gives KS p = "
                    + Format.number(first.pValue()) + " at n = " + first.n() + " and p = " + Format.number(last.pValue())
                    + " at n = " + last.n() + ", while KS D stays at " + Format.number(last.ksD())
                    + "; the rigorous preset flags it " + (last.rigorousDrift() ? "(!)" : "at no n") + ".",
                    "drift.power.pValueAtMaxN", last.pValue());
        }
        if (!binning.isEmpty()) {
            BinningPoint lo = binning.get(0);
            BinningPoint hi = binning.get(binning.size() - 1);
            b.takeaway("PSI moves with the binning: the same 0.25-std shift scores " + Format.number(lo.psiShift())
                    + " with " + lo.bins() + " bins and " + Format.number(hi.psiShift()) + " with " + hi.bins()
                    + "; with no shift at all PSI is " + Format.number(hi.psiNoShift()) + " at " + hi.bins() + " bins.",
                    "drift.binning.psiAtMaxBins", hi.psiShift());
        }
        for (Disagreement d : disagreements) {
            b.takeaway(d.name() + ": KS D " + Format.number(d.ksD()) + " (p " + Format.number(d.ksPValue()) + ", "
                    + (d.ksFlags() ? "significant" : "not significant") + ") vs PSI " + Format.number(d.psi()) + " ("
                    + dev.mlsandbox.drift.DriftPreset.psiBand(d.psi()) + ")"
                    + (d.ksFlags() != d.psiFlags() ? ": they disagree." : "."),
                    "drift.disagreement." + d.name().replaceAll("[^a-z0-9]+", "_"), d.psi());
        }
    }

    private LineChart perScenarioChart(String title, String y, ToDoubleFunction<WindowRow> f) {
        List<XYSeries> series = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            List<WindowRow> rows = scenario(s);
            series.add(new XYSeries(s.id(), rows.stream().map(w -> (double) w.window()).toList(),
                    rows.stream().map(f::applyAsDouble).toList()));
        }
        return new LineChart(title, "window", y, series);
    }

    private Table windowTable() {
        Table.Builder t = Table.builder("Every window", "scenario", "window", "intensity", "churn rate", "AUC",
                "accuracy", "max KS D", "max PSI", "drifted columns", "dataset drift");
        for (WindowRow w : windows) {
            t.row(w.scenario(), w.window(), w.intensity(), w.churnRate(), w.auc(), w.accuracy(), w.maxKsD(), w.maxPsi(),
                    String.join(" ", w.driftedColumns()), w.datasetDrift() ? "yes" : "no");
        }
        return t.build();
    }

    private Table powerTable() {
        Table.Builder t = Table.builder("Power curve", "n per side", "KS p-value", "KS D", "p < 0.05", "rigorous: drift");
        power.forEach(p -> t.row(p.n(), p.pValue(), p.ksD(), p.significant() ? "yes" : "no", p.rigorousDrift() ? "yes" : "no"));
        return t.build();
    }

    private Table binningTable() {
        Table.Builder t = Table.builder("PSI by bins", "bins", "PSI (shift 0.25 std)", "PSI (no shift)");
        binning.forEach(p -> t.row(p.bins(), p.psiShift(), p.psiNoShift()));
        return t.build();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DriftLabResult r && r.windows.equals(windows) && Arrays.equals(r.coefficients, coefficients)
                && r.power.equals(power) && r.binning.equals(binning) && r.disagreements.equals(disagreements);
    }

    @Override
    public int hashCode() {
        return windows.hashCode();
    }
}
