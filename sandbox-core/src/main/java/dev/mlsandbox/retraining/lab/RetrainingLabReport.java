package dev.mlsandbox.retraining.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.report.Format;
import dev.mlsandbox.report.KeyValues;
import dev.mlsandbox.report.LineChart;
import dev.mlsandbox.report.LineChart.XYSeries;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.Section;
import dev.mlsandbox.report.Table;
import dev.mlsandbox.retraining.Attempt;
import dev.mlsandbox.retraining.AuditTrail;
import dev.mlsandbox.retraining.RetrainingLoop;
import dev.mlsandbox.retraining.Rollback;
import dev.mlsandbox.retraining.ServedWindow;
import dev.mlsandbox.retraining.Strategy;
import dev.mlsandbox.retraining.StrategyRun;

/** Turns a {@link RetrainingLabResult} into the report model; every sentence is computed from the run. */
final class RetrainingLabReport {

    private RetrainingLabReport() {
    }

    /**
     * One strategy's line of the cost-versus-quality table (report.json {@code strategies}).
     *
     * @param conceptRecovery windows from the concept change until AUC is back above the performance threshold (-1: never)
     */
    record StrategySummary(String strategy, String kind, String trigger, boolean gated, int fits, long promotions,
                           long refusals, int rollbacks, long harmful, long stopped, long missed, double meanAuc,
                           double meanAccuracy, double meanLogLoss, int conceptRecovery, double fitSeconds, long rowsTrained) {
    }

    static Report build(RetrainingLabResult r) {
        RetrainingLabOptions o = r.options();
        int served = r.options().windows() - o.trainingWindows();
        Report.Builder b = Report.builder(RetrainingLab.NAME,
                        "Retraining: scheduled vs triggered vs online, and the gate that stops a bad retrain")
                .summary("One seeded stream of " + o.windows() + " windows x " + o.rowsPerWindow() + " labelled churn rows"
                        + " (labels land " + o.labelDelay() + " windows late) carries every kind of change: seasonal and"
                        + " gradual input drift, a sudden jump in an unused feature, a broken feed for one window, a reversal"
                        + " of tenure's effect, a temporary rise in the churn rate and two windows of inverted labels. "
                        + r.runs().size() + " strategies start from the same model (trained on the first "
                        + o.trainingWindows() + " windows) and serve the next " + served + " windows; every retrain is a"
                        + " Spark ML fit (or a spark.mllib gradient-descent update for online learning), every model a"
                        + " version in a Unity-Catalog-style registry, and quality is measured on the true labels, which"
                        + " no strategy sees.")
                .provenance(r.provenance());
        List<StrategySummary> summaries = summaries(r);
        takeaways(b, r, summaries);

        b.data("settings", settings(r));
        b.data("baseline", r.baseline());
        b.data("events", r.events());
        b.data("windows", r.windows());
        b.data("strategies", summaries);
        b.data("runs", r.runs());
        b.data("auditTrail", r.auditTrail());
        b.data("registry", Map.of("uri", r.registryUri(), "loggedModels", r.loggedModels(), "batchFits", r.batchFits(),
                "onlineUpdates", r.onlineUpdates(), "sparkAgreement", r.sparkAgreement()));

        b.section(streamSection(r));
        b.section(qualitySection(r));
        b.section(costSection(summaries, r));
        b.section(decisionsSection(r));
        b.section(auditSection(r));
        b.section(Section.builder("How the strategies decide").add(KeyValues.of("Settings of this run", settings(r)))
                .text("Every batch retrain fits the same pipeline (plan to two 0/1 columns, VectorAssembler, "
                        + "LogisticRegression) on the " + o.trainingWindows() + " labelled windows before the newest one; the"
                        + " newest labelled window is held out as the gate's validation data. Batch strategies that fire at"
                        + " the same window train the same model, so the lab fits it once (" + r.batchFits() + " Spark ML"
                        + " fits and " + r.onlineUpdates() + " online updates in all) and charges every strategy for it.")
                .build());
        MlflowRun.addTo(b, r.mlflowRun());
        return b.build();
    }

    // ---- numbers --------------------------------------------------------------------------

    private static List<StrategySummary> summaries(RetrainingLabResult r) {
        int change = conceptChange(r);
        List<StrategySummary> out = new ArrayList<>();
        for (StrategyRun run : r.runs()) {
            out.add(new StrategySummary(run.strategy(), run.kind(), run.trigger(), run.gated(), run.attempts().size(),
                    run.promotions(), run.refusals(), run.rollbacks().size(), run.harmful(), run.stopped(), run.missed(),
                    run.meanAuc(), run.meanAccuracy(), run.meanLogLoss(),
                    change < 0 ? -1 : run.recovery(change, r.performanceThreshold()), run.fitSeconds(), run.rowsTrained()));
        }
        return out;
    }

    private static int conceptChange(RetrainingLabResult r) {
        RetrainingLabResult.EventRow e = r.event("concept-drift");
        return e == null ? -1 : e.from();
    }

    private static Map<String, Object> settings(RetrainingLabResult r) {
        RetrainingLabOptions o = r.options();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheduled", "every " + o.scheduleEvery() + " windows");
        m.put("drift trigger", "any input column with PSI >= " + o.driftPsi() + " against the serving model's training windows");
        m.put("performance trigger", String.format(Locale.ROOT, "roc_auc_score < %.4f (first model's AUC %.4f minus %s) in"
                + " >= 2 of the last 5 labelled windows, the newest included (MLOps Stacks)",
                r.performanceThreshold(), r.baseline().auc(), o.performanceDrop()));
        m.put("online", "spark.mllib gradient descent from the previous weights, " + o.onlineIterations()
                + " steps of size " + o.onlineStep() + " per window");
        m.put("gate", "challenger's " + o.gateMetric().id() + " at least " + o.minImprovement()
                + " better than the champion's on the newest labelled window (held out from training)");
        m.put("rollback", "a promoted model worse than the previous champion by more than " + o.rollbackTolerance() + " "
                + o.gateMetric().id() + " on the first window it served, once labelled");
        m.put("label delay", o.labelDelay() + " windows");
        m.put("training windows", o.trainingWindows() + " labelled windows per batch retrain");
        m.put("hindsight", "challenger vs champion on the true labels of the next " + RetrainingLoop.HINDSIGHT_WINDOWS
                + " windows; worse or better when AUC or log loss differs by more than " + RetrainingLoop.HINDSIGHT_TOLERANCE);
        return m;
    }

    // ---- takeaways -------------------------------------------------------------------------

    private static void takeaways(Report.Builder b, RetrainingLabResult r, List<StrategySummary> summaries) {
        StrategySummary best = summaries.stream().max(Comparator.comparingDouble(StrategySummary::meanAuc)).orElseThrow();
        StrategySummary costliest = summaries.stream().max(Comparator.comparingInt(StrategySummary::fits)).orElseThrow();
        StringBuilder costs = new StringBuilder();
        summaries.stream().sorted(Comparator.comparingInt(StrategySummary::fits)).forEach(s -> costs
                .append(costs.length() == 0 ? "" : "; ").append(s.strategy()).append(" ").append(s.fits())
                .append(s.kind().equals("online") ? " updates" : " fits").append(", AUC ").append(Format.number(s.meanAuc(), 3)));
        b.takeaway("Cost against mean AUC over the served windows: " + costs + ". The best was " + best.strategy() + " ("
                + Format.number(best.meanAuc(), 3) + " with " + best.fits() + " retrains); " + costliest.strategy()
                + " retrained most (" + costliest.fits() + ") for " + Format.number(costliest.meanAuc(), 3) + ".",
                "retraining.best.meanAuc", best.meanAuc());

        StrategyRun drift = r.run("drift");
        if (drift != null && !drift.attempts().isEmpty()) {
            long same = drift.attempts().stream().filter(a -> a.outcome() == Attempt.Outcome.SAME).count();
            b.takeaway("Input drift is not degradation: " + same + " of the " + drift.attempts().size()
                    + " retrains the drift trigger asked for changed nothing in hindsight (AUC and log loss within "
                    + RetrainingLoop.HINDSIGHT_TOLERANCE + " over the next " + RetrainingLoop.HINDSIGHT_WINDOWS
                    + " windows): the seasonal swing, tenure's slide and device_age's jump move the inputs, not P(churn | x).",
                    "drift.unchangedRetrains", same);
        }

        int change = conceptChange(r);
        StrategyRun none = r.run("none");
        if (change >= 0) {
            StringBuilder rec = new StringBuilder();
            for (StrategySummary s : summaries) {
                if (!s.gated() && !s.kind().equals("none")) {
                    rec.append(rec.length() == 0 ? "" : ", ").append(s.strategy()).append(" ")
                            .append(s.conceptRecovery() < 0 ? "never" : s.conceptRecovery() + " windows");
                }
            }
            double psi = r.windows().get(change).consecutivePsi();
            String before = none == null ? "" : " Never retraining, AUC fell to "
                    + Format.number(mean(none, change, Integer.MAX_VALUE, ServedWindow::auc), 3) + " for good.";
            b.takeaway("Concept drift at window " + change + " (tenure's effect on churn reversed) moved no input: its"
                    + " largest PSI against the window before was " + Format.number(psi, 2) + "." + before
                    + " AUC was back above " + Format.number(r.performanceThreshold(), 3) + " after: " + rec
                    + " (labels land " + r.options().labelDelay() + " windows late, and a retrain needs "
                    + r.options().trainingWindows() + " windows of the new behaviour to learn it).",
                    "conceptDrift.maxPsi", psi);
        }

        List<Attempt> blindHarm = new ArrayList<>();
        List<String> blindWho = new ArrayList<>();
        for (StrategyRun run : r.runs()) {
            if (!run.gated()) {
                run.attempts().stream().filter(Attempt::harmful).forEach(a -> {
                    blindHarm.add(a);
                    blindWho.add(run.strategy());
                });
            }
        }
        if (!blindHarm.isEmpty()) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < blindHarm.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(i -> blindHarm.get(i).aucDelta()));
            StringBuilder worst = new StringBuilder();
            for (int i : order.subList(0, Math.min(4, order.size()))) {
                Attempt a = blindHarm.get(i);
                worst.append(worst.length() == 0 ? "" : "; ").append(blindWho.get(i)).append(" at window ").append(a.window())
                        .append(" (trained on ").append(a.hazards().isEmpty() ? "windows " + a.trainedFrom() + "-"
                                + a.trainedTo() : String.join(", ", a.hazards())).append("): AUC ")
                        .append(signed(a.aucDelta())).append(", log loss ").append(signed(a.logLossDelta()));
            }
            long withHazard = blindHarm.stream().filter(a -> !a.hazards().isEmpty()).count();
            b.takeaway("Blind retraining made things worse " + blindHarm.size() + " times (a deployed model truly worse than"
                    + " the one it replaced), " + withHazard + " of them trained on a hazard window. Worst: " + worst + ".",
                    "blind.harmfulDeployments", blindHarm.size());
        }

        List<StrategyRun> gated = r.runs().stream().filter(StrategyRun::gated).toList();
        if (!gated.isEmpty()) {
            long refused = gated.stream().mapToLong(StrategyRun::refusals).sum();
            long stopped = gated.stream().mapToLong(StrategyRun::stopped).sum();
            long missed = gated.stream().mapToLong(StrategyRun::missed).sum();
            long fooled = gated.stream().mapToLong(StrategyRun::harmful).sum();
            long rollbacks = gated.stream().mapToLong(g -> g.rollbacks().size()).sum();
            List<String> why = new ArrayList<>();
            for (StrategyRun g : gated) {
                for (Attempt a : g.attempts()) {
                    if (a.harmful()) {
                        List<String> ev = r.windows().get(a.validationWindow()).events().stream()
                                .filter(e -> e.equals("corrupted-labels") || e.equals("label-shift") || e.equals("anomaly"))
                                .toList();
                        why.add(g.strategy() + " at window " + a.window() + " (validated on window " + a.validationWindow()
                                + (ev.isEmpty() ? "" : ", itself " + String.join(" and ", ev)) + ")");
                    }
                }
            }
            b.takeaway("The gate refused " + refused + " challengers: " + stopped + " truly worse (harm avoided), " + missed
                    + " truly better (the gate's cost), the rest equal. It let " + fooled + " worse model"
                    + (fooled == 1 ? "" : "s") + " through" + (why.isEmpty() ? "" : ": " + String.join("; ", why))
                    + (why.isEmpty() ? "" : ", because a gate is only as good as its validation labels") + "; the rollback"
                    + " check on the first labelled window after a promotion undid " + rollbacks + ".",
                    "gate.stoppedHarmful", stopped);
        }

        labelShiftTakeaway(b, r);
        performanceStreakTakeaway(b, r, change);
        onlineTakeaway(b, r);
    }

    /** A model retrained on the label-shift windows: AUC (ranking) is unmoved, accuracy and log loss are not. */
    private static void labelShiftTakeaway(Report.Builder b, RetrainingLabResult r) {
        for (StrategyRun run : r.runs()) {
            if (run.gated()) {
                continue;
            }
            for (Attempt a : run.attempts()) {
                long shifted = a.hazards().stream().filter(h -> h.startsWith("label-shift@")).count();
                if (a.decision().serves() && shifted * 2 > (a.trainedTo() - a.trainedFrom() + 1)) {
                    b.takeaway("Label shift: " + run.strategy() + " retrained at window " + a.window() + " mostly on the"
                            + " windows with the raised churn rate (" + shifted + " of " + (a.trainedTo() - a.trainedFrom() + 1)
                            + "); once the rate fell back its AUC differed by only " + signed(a.aucDelta())
                            + " from the model it replaced, but accuracy by " + signed(a.accuracyDelta()) + " and log loss by "
                            + signed(a.logLossDelta()) + ". AUC ranks and ignores the churn rate; the gate compares "
                            + r.options().gateMetric().id() + ".", "labelShift.accuracyDelta", a.accuracyDelta());
                    return;
                }
            }
        }
    }

    /** MLOps Stacks' rule keeps firing while the labels of the new model's windows are still in flight. */
    private static void performanceStreakTakeaway(Report.Builder b, RetrainingLabResult r, int change) {
        StrategyRun perf = r.run("performance");
        if (perf == null || perf.attempts().isEmpty()) {
            return;
        }
        int longest = 1;
        int run = 1;
        int start = perf.attempts().get(0).window();
        int bestStart = start;
        for (int i = 1; i < perf.attempts().size(); i++) {
            if (perf.attempts().get(i).window() == perf.attempts().get(i - 1).window() + 1) {
                run++;
            } else {
                run = 1;
                start = perf.attempts().get(i).window();
            }
            if (run > longest) {
                longest = run;
                bestStart = start;
            }
        }
        long onCorrupted = perf.attempts().stream().filter(a -> r.windows().get(a.validationWindow()).events()
                .contains("corrupted-labels")).count();
        b.takeaway("MLOps Stacks' rule (violated in >= 2 of the last 5 labelled windows and in the newest) fired "
                + perf.attempts().size() + " times" + (change >= 0 ? ", first at window " + perf.attempts().get(0).window()
                + " for the change at " + change : "") + "; " + longest + " of them on consecutive windows from "
                + bestStart + ": the template has no cooldown, and until the windows served by a new model are labelled ("
                + r.options().labelDelay() + " windows later) the profile table still shows the old model's violations."
                + (onCorrupted > 0 ? " " + onCorrupted + " firing" + (onCorrupted == 1 ? "" : "s")
                + " came from corrupted labels, which look exactly like a broken model." : ""),
                "performance.consecutiveFirings", longest);
    }

    private static void onlineTakeaway(Report.Builder b, RetrainingLabResult r) {
        StrategyRun online = r.run("online");
        StrategyRun gated = r.run("online+gate");
        if (online == null) {
            return;
        }
        double worst = online.served().stream().mapToDouble(ServedWindow::auc).min().orElse(Double.NaN);
        int worstWindow = online.served().stream().min(Comparator.comparingDouble(ServedWindow::auc))
                .map(ServedWindow::window).orElse(-1);
        b.takeaway("Online learning updated the model every window (" + online.attempts().size() + " updates) and took"
                + " every landed window as it came: " + online.harmful() + " of its updates were truly worse than the model"
                + " they replaced, its worst served AUC " + Format.number(worst, 3) + " at window " + worstWindow + "."
                + (gated == null ? "" : " Behind the gate, " + gated.refusals() + " updates were refused and "
                + gated.harmful() + " worse ones served; mean AUC " + Format.number(gated.meanAuc(), 3) + " vs "
                + Format.number(online.meanAuc(), 3) + "."), "online.harmfulUpdates", online.harmful());
    }

    private static double mean(StrategyRun run, int from, int to, ToDoubleFunction<ServedWindow> f) {
        return run.served().stream().filter(s -> s.window() >= from && s.window() <= to).mapToDouble(f).average()
                .orElse(Double.NaN);
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + Format.number(v, 2);
    }

    // ---- sections ------------------------------------------------------------------------

    private static Section streamSection(RetrainingLabResult r) {
        Table.Builder events = Table.builder("What happens to the stream", "event", "windows", "hazard for retraining",
                "what");
        for (RetrainingLabResult.EventRow e : r.events()) {
            events.row(e.kind(), e.from() == e.to() ? "" + e.from() : e.from() + "-" + e.to(), e.hazard() ? "yes" : "no",
                    e.description());
        }
        List<Double> xs = r.windows().stream().map(w -> (double) w.window()).toList();
        LineChart psi = new LineChart("Largest input PSI per window (BASELINE and CONSECUTIVE drift)", "window",
                "PSI", List.of(new XYSeries("vs first model's data", xs, r.windows().stream().map(w -> Math.max(w.maxPsi(), 1e-3))
                                .toList()),
                        new XYSeries("vs the window before", xs, r.windows().stream().map(w -> Math.max(w.consecutivePsi(), 1e-3))
                                .toList()),
                        new XYSeries("drift trigger " + r.options().driftPsi(), xs, xs.stream().map(x -> r.options().driftPsi())
                                .toList())), false, true).with(List.of(), guides(r));
        LineChart churn = new LineChart("Churn rate per window (true labels)", "window", "churn rate",
                List.of(new XYSeries("churn rate", xs, r.windows().stream().map(RetrainingLabResult.WindowRow::churnRate)
                        .toList()))).with(List.of(), guides(r));
        return Section.builder("The stream").text("Hazards are changes that can make a retrained model worse: they pass"
                + " (the anomaly, the label shift) or lie (the corrupted labels). The rest are lasting changes: only the"
                + " concept drift makes the old model wrong.").add(events.build()).add(psi).add(churn).build();
    }

    private static List<LineChart.Guide> guides(RetrainingLabResult r) {
        List<LineChart.Guide> out = new ArrayList<>();
        for (RetrainingLabResult.EventRow e : r.events()) {
            if (!e.kind().equals("seasonal")) {
                out.add(new LineChart.Guide(e.from(), e.kind()));
            }
        }
        return out;
    }

    private static Section qualitySection(RetrainingLabResult r) {
        Section.Builder s = Section.builder("Quality over time").text("AUC on the true labels of every served window, one"
                + " chart per family: never retraining, the family without a gate, and with it. Markers sit on the window at"
                + " whose end the decision was taken; the new model serves from the next window. Dashed lines mark the"
                + " stream's events.");
        StrategyRun none = r.run("none");
        for (Strategy.Kind kind : Strategy.Kind.values()) {
            if (kind == Strategy.Kind.NONE) {
                continue;
            }
            StrategyRun blind = r.run(kind.id());
            StrategyRun gated = r.run(kind.id() + "+gate");
            if (blind == null && gated == null) {
                continue;
            }
            List<XYSeries> series = new ArrayList<>();
            List<LineChart.Marker> markers = new ArrayList<>();
            for (StrategyRun run : new StrategyRun[] {none, blind, gated}) {
                if (run == null) {
                    continue;
                }
                series.add(new XYSeries(run.strategy(), run.served().stream().map(w -> (double) w.window()).toList(),
                        run.served().stream().map(ServedWindow::auc).toList()));
                for (Attempt a : run.attempts()) {
                    ServedWindow at = run.at(a.window());
                    LineChart.Shape shape = switch (a.decision()) {
                        case DEPLOYED -> LineChart.Shape.TRIANGLE;
                        case PROMOTED -> LineChart.Shape.DOT;
                        case REFUSED -> LineChart.Shape.CROSS;
                    };
                    String what = switch (a.decision()) {
                        case DEPLOYED -> "deployed (no gate)";
                        case PROMOTED -> "promoted by the gate";
                        case REFUSED -> "refused by the gate";
                    };
                    markers.add(new LineChart.Marker(run.strategy(), a.window(), at.auc(), shape, what, "v" + a.version()
                            + " trained on windows " + a.trainedFrom() + "-" + a.trainedTo() + ", " + a.outcome()
                            .name().toLowerCase(Locale.ROOT) + " in hindsight"));
                }
                for (Rollback rb : run.rollbacks()) {
                    markers.add(new LineChart.Marker(run.strategy(), rb.window(), run.at(rb.window()).auc(),
                            LineChart.Shape.DIAMOND, "rolled back", "v" + rb.fromVersion() + " -> v" + rb.toVersion()));
                }
            }
            s.add(new LineChart("AUC per window: " + kind.id() + " (" + kind.summary() + ")", "window", "AUC", series)
                    .with(markers, guides(r)));
        }
        return s.build();
    }

    private static Section costSection(List<StrategySummary> summaries, RetrainingLabResult r) {
        Table.Builder t = Table.builder("Cost against quality (means over the served windows, true labels)", "strategy",
                "trigger", "retrains", "promoted", "refused", "rolled back", "truly worse served", "worse stopped",
                "better refused", "mean AUC", "mean accuracy", "mean log loss", "back after concept drift",
                "fit time (as if alone)");
        for (StrategySummary s : summaries) {
            t.row(s.strategy(), s.trigger(), s.fits(), s.promotions(), s.refusals(), s.rollbacks(), s.harmful(), s.stopped(),
                    s.missed(), s.meanAuc(), s.meanAccuracy(), s.meanLogLoss(),
                    s.conceptRecovery() < 0 ? "never" : s.conceptRecovery() + " windows", Format.seconds(s.fitSeconds()));
        }
        return Section.builder("Cost and quality").text("A retrain is one Spark ML fit on " + r.options().trainingWindows()
                        + " windows (online: one gradient-descent update on one window). \"Truly worse served\" counts"
                        + " deployed or promoted models that hindsight found worse than the model they replaced; \"worse"
                        + " stopped\" the gate's refusals of such models; \"better refused\" the refusals it got wrong.")
                .add(t.build()).build();
    }

    private static Section decisionsSection(RetrainingLabResult r) {
        Table.Builder t = Table.builder("Every harmful deployment, every refusal that mattered, every rollback", "strategy",
                "window", "trigger", "trained on", "hazards in training data", "validated on", "challenger", "champion",
                "decision", "hindsight AUC", "hindsight log loss", "outcome");
        int rows = 0;
        for (StrategyRun run : r.runs()) {
            for (Attempt a : run.attempts()) {
                boolean matters = a.harmful() || (a.decision() == Attempt.Decision.REFUSED && a.outcome() != Attempt.Outcome.SAME);
                if (matters) {
                    t.row(run.strategy(), a.window(), a.reason(), a.trainedFrom() + "-" + a.trainedTo(),
                            String.join(", ", a.hazards()), a.validationWindow(), a.challengerMetric(), a.championMetric(),
                            a.decision().name().toLowerCase(Locale.ROOT), signed(a.aucDelta()), signed(a.logLossDelta()),
                            a.outcome().name().toLowerCase(Locale.ROOT));
                    rows++;
                }
            }
        }
        Table.Builder rb = Table.builder("Rollbacks", "strategy", "window", "from", "to", "why");
        for (StrategyRun run : r.runs()) {
            for (Rollback x : run.rollbacks()) {
                rb.row(run.strategy(), x.window(), "v" + x.fromVersion(), "v" + x.toVersion(), x.reason());
            }
        }
        return Section.builder("Decisions that mattered").text(rows + " decisions changed quality by more than "
                        + RetrainingLoop.HINDSIGHT_TOLERANCE + " (AUC or log loss, next " + RetrainingLoop.HINDSIGHT_WINDOWS
                        + " windows). challenger and champion are the gate metric (" + r.options().gateMetric().id()
                        + ") on the validation window's landed labels; every decision is in report.json (runs.attempts).")
                .add(t.build()).add(rb.build()).build();
    }

    private static Section auditSection(RetrainingLabResult r) {
        Section.Builder s = Section.builder("The audit trail").text("Each strategy registered its models as "
                + RetrainingLab.SCHEMA + ".<strategy> on an embedded registry (" + r.loggedModels() + " distinct models logged"
                + " as MLflow Spark models, one run each). A version's tags say why it exists and what the gate decided"
                + " (model_validation_status); the aliases show what serves now. Two histories below, all of them in"
                + " report.json (auditTrail).");
        int shown = 0;
        for (String name : List.of("scheduled+gate", "performance+gate", "drift+gate", "online+gate")) {
            List<AuditTrail.VersionRecord> versions = r.auditTrail().get(name);
            if (versions == null || shown == 2) {
                continue;
            }
            Table.Builder t = Table.builder(RetrainingLab.SCHEMA + "." + name.replace("+gate", "_gated"), "version",
                    "trained on", "at window", "trigger", "model_validation_status", "gate challenger", "gate champion",
                    "aliases now");
            for (AuditTrail.VersionRecord v : versions) {
                Map<String, String> tags = v.tags();
                t.row("v" + v.version(), tags.getOrDefault("retraining.trained_on", ""),
                        tags.getOrDefault("retraining.window", "-"), tags.getOrDefault("retraining.trigger", "first model"),
                        tags.getOrDefault("model_validation_status", ""), tags.getOrDefault("gate.challenger", ""),
                        tags.getOrDefault("gate.champion", ""), String.join(" ", v.aliases().stream().map(a -> "@" + a)
                                .toList()));
            }
            s.add(t.build());
            shown++;
        }
        return s.build();
    }
}
