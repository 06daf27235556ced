package dev.mlsandbox.retraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Each trigger on crafted metric series: it fires when, and only when, it should. No Spark. */
class TriggersTest {

    private static final DriftMetricsTable NO_DRIFT = w -> List.of();
    private static final ProfileMetricsTable NO_LABELS = List::of;

    /** The windows of a series (oldest first) at which the performance trigger fires, reading it as it grows. */
    private static List<Integer> firing(Trigger trigger, double... auc) {
        ProfileMetrics profile = new ProfileMetrics();
        List<Integer> fired = new ArrayList<>();
        for (int w = 0; w < auc.length; w++) {
            profile.append(new ProfileRow(w, "v1", "roc_auc_score", auc[w]));
            if (trigger.decide(w, NO_DRIFT, profile).fire()) {
                fired.add(w);
            }
        }
        return fired;
    }

    @Test
    void mlopsStacksRuleNeedsTwoOfTheLastFiveAndTheNewest() {
        Trigger perf = new Trigger.OnPerformance(MetricViolationRule.below(0.75));
        // one dip: never two violations
        assertEquals(List.of(), firing(perf, 0.8, 0.7, 0.8, 0.8, 0.8, 0.8));
        // two dips, the newest included: fires at the second
        assertEquals(List.of(3), firing(perf, 0.8, 0.7, 0.8, 0.7, 0.8));
        // fires at the second dip; once the newest window is fine the old dips no longer count
        assertEquals(List.of(1), firing(perf, 0.7, 0.7, 0.8, 0.8, 0.8, 0.8));
        // a dip that left the five-window view does not count
        assertEquals(List.of(), firing(perf, 0.7, 0.8, 0.8, 0.8, 0.8, 0.7, 0.8));
        assertEquals(List.of(5), firing(perf, 0.8, 0.7, 0.8, 0.8, 0.8, 0.7));
        // a lasting drop fires on every window (the template has no cooldown)
        assertEquals(List.of(1, 2, 3), firing(perf, 0.7, 0.7, 0.7, 0.7));
    }

    @Test
    void violationIsStrictAndNaNIsLikeSqlNull() {
        MetricViolationRule rule = MetricViolationRule.below(0.75);
        assertFalse(rule.violates(0.75), "the SQL compares strictly");
        assertTrue(rule.violates(0.7499));
        assertFalse(rule.violates(Double.NaN));
        assertFalse(rule.violated(List.of(0.7, Double.NaN)), "a NULL newest metric is no violation");
        MetricViolationRule rmse = MetricViolationRule.above(100);
        assertTrue(rmse.violated(List.of(120.0, 90.0, 101.0)), "the template's own example: RMSE > 100");
        assertFalse(rmse.violated(List.of(120.0, 101.0, 99.0)));
        assertTrue(new MetricViolationRule(0.75, MetricViolationRule.Direction.BELOW, 3, 3).violated(List.of(0.1, 0.1, 0.1)));
        assertFalse(new MetricViolationRule(0.75, MetricViolationRule.Direction.BELOW, 3, 3).violated(List.of(0.1, 0.8, 0.1)));
        assertThrows(IllegalArgumentException.class, () -> new MetricViolationRule(0.7, MetricViolationRule.Direction.BELOW, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> new MetricViolationRule(Double.NaN, MetricViolationRule.Direction.BELOW, 5, 2));
    }

    @Test
    void scheduleCountsFromTheFirstServedWindow() {
        Trigger every5 = new Trigger.Scheduled(5, 3);
        List<Integer> fired = IntStream.range(0, 20).filter(w -> every5.decide(w, NO_DRIFT, NO_LABELS).fire()).boxed().toList();
        assertEquals(List.of(7, 12, 17), fired);
        assertEquals(List.of(3, 4, 5), IntStream.range(0, 6).filter(w -> new Trigger.Scheduled(1, 3)
                .decide(w, NO_DRIFT, NO_LABELS).fire()).boxed().toList());
        assertThrows(IllegalArgumentException.class, () -> new Trigger.Scheduled(0, 3));
    }

    @Test
    void driftTriggerFiresOnTheRuleOnly() {
        DriftMetricsTable table = w -> switch (w) {
            case 1 -> List.of(row(w, "tenure", 0.25, 0.2), row(w, "charges", 0.01, 0.02), cat(w, "plan", 0.0));
            case 2 -> List.of(row(w, "tenure", 0.19, 0.2), row(w, "charges", 0.05, 0.02), cat(w, "plan", 0.15));
            case 3 -> List.of(row(w, "tenure", 0.3, 0.25), row(w, "charges", 0.22, 0.2), cat(w, "plan", 0.3));
            default -> List.of(row(w, "tenure", 0.01, 0.01), row(w, "charges", 0.01, 0.01), cat(w, "plan", 0.0));
        };
        Trigger psi = new Trigger.OnDrift(DriftRule.anyColumn(DriftRule.Metric.PSI, 0.2));
        Trigger half = new Trigger.OnDrift(DriftRule.share(DriftRule.Metric.PSI, 0.2, 0.5));
        Trigger ks = new Trigger.OnDrift(DriftRule.anyColumn(DriftRule.Metric.KS_STATISTIC, 0.2));
        assertEquals(List.of(1, 3), fired(psi, table));
        assertEquals(List.of(3), fired(half, table), "one of three columns is below half");
        assertEquals(List.of(1, 2, 3), fired(ks, table), "KS reads numeric columns; plan has none");
        assertFalse(psi.decide(9, w -> List.of(), NO_LABELS).fire(), "an empty table is no drift");
        assertTrue(psi.decide(1, table, NO_LABELS).reason().contains("[tenure]"));
    }

    private static List<Integer> fired(Trigger t, DriftMetricsTable table) {
        return IntStream.range(0, 5).filter(w -> t.decide(w, table, NO_LABELS).fire()).boxed().toList();
    }

    private static DriftRow row(int w, String c, double psi, double ks) {
        return new DriftRow(w, c, psi, ks, 1e-6);
    }

    private static DriftRow cat(int w, String c, double psi) {
        return new DriftRow(w, c, psi, Double.NaN, Double.NaN);
    }

    @Test
    void neverAndEveryWindow() {
        assertTrue(IntStream.range(0, 10).noneMatch(w -> new Trigger.Never().decide(w, NO_DRIFT, NO_LABELS).fire()));
        assertTrue(IntStream.range(0, 10).allMatch(w -> new Trigger.EveryWindow().decide(w, NO_DRIFT, NO_LABELS).fire()));
    }

    @Test
    void gateRefusesAWorseChallengerAndHonoursTheMargin() {
        Quality champion = new Quality(0.80, 0.75, 0.50);
        Gate logLoss = new Gate(Quality.Metric.LOG_LOSS, 0.0);
        assertFalse(logLoss.judge(new Quality(0.82, 0.76, 0.55), champion).passed(), "higher log loss is worse");
        assertTrue(logLoss.judge(new Quality(0.78, 0.74, 0.49), champion).passed());
        assertTrue(logLoss.judge(new Quality(0.78, 0.74, 0.50), champion).passed(), "at least as good passes a 0 margin");
        Gate auc = new Gate(Quality.Metric.AUC, 0.01);
        assertFalse(auc.judge(new Quality(0.805, 0.75, 0.4), champion).passed(), "better, but by less than the margin");
        assertTrue(auc.judge(new Quality(0.81, 0.75, 0.6), champion).passed());
        assertFalse(auc.judge(new Quality(Double.NaN, 0.75, 0.6), champion).passed(), "an undefined metric never passes");
        assertTrue(auc.judge(new Quality(0.6, 0.75, 0.6), new Quality(Double.NaN, 0.5, 0.7)).passed(),
                "nothing to beat: the champion's metric is undefined");
        assertTrue(logLoss.judge(new Quality(0.78, 0.74, 0.55), champion).reason().contains("refused"));
        assertThrows(IllegalArgumentException.class, () -> new Gate(Quality.Metric.AUC, -0.1));
    }

    @Test
    void qualityMatchesHandComputedValues() {
        Quality q = Quality.of(new double[] {0.9, 0.8, 0.3, 0.2}, new int[] {1, 0, 1, 0});
        assertEquals(0.75, q.auc(), 1e-12);
        assertEquals(0.5, q.accuracy(), 1e-12);
        assertEquals(-(Math.log(0.9) + Math.log(0.2) + Math.log(0.3) + Math.log(0.8)) / 4, q.logLoss(), 1e-12);
    }
}
