package dev.mlsandbox.drift.lab;

import dev.mlsandbox.drift.lab.DriftLabResult.BinningPoint;
import dev.mlsandbox.drift.lab.DriftLabResult.Disagreement;
import dev.mlsandbox.drift.lab.DriftLabResult.PowerPoint;
import dev.mlsandbox.drift.lab.DriftLabResult.WindowRow;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.report.Format;
import dev.mlsandbox.report.LineChart;
import dev.mlsandbox.report.LineChart.XYSeries;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.Section;
import dev.mlsandbox.report.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Renders a {@link DriftLabResult} into the report model; computes nothing new. */
final class DriftLabReport {

    private DriftLabReport() {
    }

    static Report build(DriftLabResult r) {
        DriftLabOptions options = r.options();
        List<PowerPoint> power = r.power();
        List<BinningPoint> binning = r.binning();
        List<Disagreement> disagreements = r.disagreements();
        Report.Builder b = Report.builder(DriftLab.NAME, "Drift: data drift, concept drift and model degradation")
                .summary("Six simulated streams of " + options.windows() + " windows x " + options.rowsPerWindow()
                        + " rows against one reference window; a logistic regression trained in Spark on the reference "
                        + "is scored on every window (labels known), and the rigorous preset (Benjamini-Hochberg + "
                        + "effect size >= 0.1, bins fitted once on the reference) judges input drift.")
                .provenance(r.provenance());
        takeaways(b, r);
        b.data("model", model(r));
        b.data("windows", r.windows());
        b.data("powerCurve", power);
        b.data("binning", binning);
        b.data("disagreements", disagreements);

        Table.Builder scen = Table.builder("Per scenario: windows where the change is active vs not",
                "scenario", "what changes", "flagged (before)", "flagged (after)", "AUC before", "AUC after",
                "churn rate before", "churn rate after");
        for (Scenario s : Scenario.values()) {
            boolean hasBefore = r.scenario(s).stream().anyMatch(w -> w.intensity() == 0);
            scen.row(s.id(), s.description(), hasBefore ? r.flagged(s, false) + "" : "-",
                    r.changedWindows(s) > 0 ? r.flagged(s, true) + " / " + r.changedWindows(s) : "-",
                    hasBefore ? Format.number(r.mean(s, false, WindowRow::auc)) : "-",
                    r.changedWindows(s) > 0 ? Format.number(r.mean(s, true, WindowRow::auc)) : "-",
                    hasBefore ? Format.number(r.mean(s, false, WindowRow::churnRate)) : "-",
                    r.changedWindows(s) > 0 ? Format.number(r.mean(s, true, WindowRow::churnRate)) : "-");
        }
        b.section(Section.builder("Scenarios: input drift next to model quality").add(scen.build())
                .add(perScenarioChart(r, "Model AUC per window", "AUC", WindowRow::auc))
                .add(perScenarioChart(r, "Largest KS D per window (effect size)", "KS D", WindowRow::maxKsD))
                .add(windowTable(r)).build());

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
                .add(powerTable(r)).build());

        List<Double> bs = binning.stream().map(p -> (double) p.bins()).toList();
        b.section(Section.builder("PSI depends on the binning")
                .text("Same data, different bin counts. With more bins each bin holds fewer rows, so sampling "
                        + "noise alone raises PSI (about (bins - 1) x (1/n + 1/m) in expectation): the bands "
                        + "0.1 / 0.2 only mean something for a fixed binning and window size.")
                .add(new LineChart("PSI vs number of bins (n = " + options.rowsPerWindow() + " per side)", "bins", "PSI",
                        List.of(new XYSeries("shift 0.25 std", bs, binning.stream().map(BinningPoint::psiShift).toList()),
                                new XYSeries("no shift", bs, binning.stream().map(BinningPoint::psiNoShift).toList())),
                        true, false))
                .add(binningTable(r)).build());

        Table.Builder dis = Table.builder("KS versus PSI on the same data", "case", "n", "m", "KS D", "KS p",
                "PSI", "KS says", "PSI says", "lesson");
        for (Disagreement d : disagreements) {
            dis.row(d.name(), d.n(), d.m(), d.ksD(), d.ksPValue(), d.psi(), d.ksFlags() ? "drift" : "no drift",
                    d.psiFlags() ? "drift (>= 0.2)" : d.psi() >= 0.1 ? "moderate" : "no drift", d.lesson());
        }
        b.section(Section.builder("Where PSI and KS disagree").add(dis.build()).build());
        MlflowRun.addTo(b, r.mlflowRun());
        return b.build();
    }

    private static void takeaways(Report.Builder b, DriftLabResult r) {
        DriftLabOptions options = r.options();
        List<PowerPoint> power = r.power();
        List<BinningPoint> binning = r.binning();
        List<Disagreement> disagreements = r.disagreements();
        Scenario irr = Scenario.IRRELEVANT_COVARIATE_SHIFT;
        double irrAucDelta = r.mean(irr, true, WindowRow::auc) - r.mean(irr, false, WindowRow::auc);
        b.takeaway("Drift without degradation: device_age moved 1.5 std and " + r.flagged(irr, true) + " of "
                + r.changedWindows(irr) + " windows were flagged, yet AUC changed by " + Format.number(irrAucDelta)
                + " (the model barely uses device_age).", "drift.irrelevantShift.aucDelta", irrAucDelta);
        Scenario con = Scenario.SUDDEN_CONCEPT_DRIFT;
        double conAucAfter = r.mean(con, true, WindowRow::auc);
        b.takeaway("Degradation without input drift: after tenure's effect reversed, AUC fell from "
                + Format.number(r.mean(con, false, WindowRow::auc)) + " to " + Format.number(conAucAfter) + " while "
                + r.flagged(con, true) + " of " + r.changedWindows(con) + " windows showed input drift; only labels reveal it.",
                "drift.conceptSudden.aucAfter", conAucAfter);
        Scenario prior = Scenario.PRIOR_SHIFT;
        b.takeaway("Prior shift: the churn rate went from " + Format.percent(r.mean(prior, false, WindowRow::churnRate))
                + " to " + Format.percent(r.mean(prior, true, WindowRow::churnRate)) + "; inputs drifted in "
                + r.flagged(prior, true) + " of " + r.changedWindows(prior) + " windows because P(x) mixes P(x | y).",
                "drift.priorShift.churnRateAfter", r.mean(prior, true, WindowRow::churnRate));
        long falseAlarms = r.scenario(Scenario.STABLE).stream().filter(WindowRow::datasetDrift).count();
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

    private static LineChart perScenarioChart(DriftLabResult r, String title, String y, ToDoubleFunction<WindowRow> f) {
        List<XYSeries> series = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            List<WindowRow> rows = r.scenario(s);
            series.add(new XYSeries(s.id(), rows.stream().map(w -> (double) w.window()).toList(),
                    rows.stream().map(f::applyAsDouble).toList()));
        }
        return new LineChart(title, "window", y, series);
    }

    private static Table windowTable(DriftLabResult r) {
        Table.Builder t = Table.builder("Every window", "scenario", "window", "intensity", "churn rate", "AUC",
                "accuracy", "max KS D", "max PSI", "drifted columns", "dataset drift");
        for (WindowRow w : r.windows()) {
            t.row(w.scenario(), w.window(), w.intensity(), w.churnRate(), w.auc(), w.accuracy(), w.maxKsD(), w.maxPsi(),
                    String.join(" ", w.driftedColumns()), w.datasetDrift() ? "yes" : "no");
        }
        return t.build();
    }

    private static Table powerTable(DriftLabResult r) {
        Table.Builder t = Table.builder("Power curve", "n per side", "KS p-value", "KS D", "p < 0.05", "rigorous: drift");
        r.power().forEach(p -> t.row(p.n(), p.pValue(), p.ksD(), p.significant() ? "yes" : "no", p.rigorousDrift() ? "yes" : "no"));
        return t.build();
    }

    private static Table binningTable(DriftLabResult r) {
        Table.Builder t = Table.builder("PSI by bins", "bins", "PSI (shift 0.25 std)", "PSI (no shift)");
        r.binning().forEach(p -> t.row(p.bins(), p.psiShift(), p.psiNoShift()));
        return t.build();
    }

    /** The {@code model} entry of report.json. */
    private static Map<String, Object> model(DriftLabResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trainedWith", "Spark ML LogisticRegression on the reference window");
        m.put("features", new String[] {"tenure", "charges", "device_age", "plan=basic", "plan=pro"});
        m.put("coefficients", r.coefficients());
        m.put("referenceAuc", r.referenceAuc());
        m.put("maxAbsDiffSparkVsJvmScoring", r.sparkAgreement());
        return m;
    }
}
