package dev.mlsandbox.retraining;

import java.util.List;
import java.util.Locale;

/**
 * When a strategy retrains. A trigger reads only what a production job could read at the end of a
 * window: the window's number, the drift table's rows of that window, and the profile table's rows
 * of the windows whose labels have landed. It never sees the labels of the current window, nor the
 * truth behind corrupted labels.
 */
public sealed interface Trigger permits Trigger.Never, Trigger.Scheduled, Trigger.OnDrift, Trigger.OnPerformance,
        Trigger.EveryWindow {

    /** Whether to retrain at the end of {@code window}. */
    TriggerDecision decide(int window, DriftMetricsTable drift, ProfileMetricsTable profile);

    /** The trigger in words, for reports. */
    String describe();

    /** The model is trained once and never again. */
    record Never() implements Trigger {
        @Override
        public TriggerDecision decide(int window, DriftMetricsTable drift, ProfileMetricsTable profile) {
            return TriggerDecision.hold("never retrains");
        }

        @Override
        public String describe() {
            return "never";
        }
    }

    /**
     * A calendar schedule: every {@code every} windows, counted from {@code firstWindow} (the first
     * served window), so it fires at {@code firstWindow + every - 1}, {@code firstWindow + 2 every - 1}, ...
     */
    record Scheduled(int every, int firstWindow) implements Trigger {
        public Scheduled {
            if (every < 1) {
                throw new IllegalArgumentException("a schedule needs every >= 1 window, got " + every);
            }
            if (firstWindow < 0) {
                throw new IllegalArgumentException("the first window must be >= 0, got " + firstWindow);
            }
        }

        @Override
        public TriggerDecision decide(int window, DriftMetricsTable drift, ProfileMetricsTable profile) {
            int served = window - firstWindow + 1;
            return served > 0 && served % every == 0 ? TriggerDecision.fire("scheduled: every " + every + " windows")
                    : TriggerDecision.hold("scheduled: " + (every - Math.floorMod(served, every)) + " windows to go");
        }

        @Override
        public String describe() {
            return "every " + every + " windows";
        }
    }

    /** Input drift of the window against the serving model's training data, judged by a rule. */
    record OnDrift(DriftRule rule) implements Trigger {
        public OnDrift {
            if (rule == null) {
                throw new IllegalArgumentException("a drift trigger needs a drift rule");
            }
        }

        @Override
        public TriggerDecision decide(int window, DriftMetricsTable drift, ProfileMetricsTable profile) {
            List<DriftRow> rows = drift.rows(window);
            List<String> drifted = rule.driftedColumns(rows);
            double worst = rows.stream().mapToDouble(r -> rule.metric().of(r)).filter(v -> !Double.isNaN(v)).max()
                    .orElse(Double.NaN);
            String numbers = String.format(Locale.ROOT, "largest %s %.3f, drifted %s", rule.metric().id(), worst, drifted);
            return rule.fires(rows) ? TriggerDecision.fire("input drift: " + numbers)
                    : TriggerDecision.hold("no input drift: " + numbers);
        }

        @Override
        public String describe() {
            return "input drift: " + rule.describe();
        }
    }

    /** Model quality from the profile table, judged by MLOps Stacks' rule. */
    record OnPerformance(MetricViolationRule rule) implements Trigger {
        public OnPerformance {
            if (rule == null) {
                throw new IllegalArgumentException("a performance trigger needs a violation rule");
            }
        }

        @Override
        public TriggerDecision decide(int window, DriftMetricsTable drift, ProfileMetricsTable profile) {
            List<Double> values = profile.rows().stream().map(ProfileRow::value).toList();
            if (values.isEmpty()) {
                return TriggerDecision.hold("no labelled window yet");
            }
            List<Double> recent = values.subList(Math.max(0, values.size() - rule.evaluationWindows()), values.size());
            long violations = recent.stream().filter(rule::violates).count();
            String numbers = String.format(Locale.ROOT, "%d of the last %d labelled windows violated, newest %.3f",
                    violations, recent.size(), recent.get(recent.size() - 1));
            return rule.violated(values) ? TriggerDecision.fire("performance: " + numbers)
                    : TriggerDecision.hold("performance: " + numbers);
        }

        @Override
        public String describe() {
            return "performance: " + rule.describe();
        }
    }

    /** Every window (an online learner's update). */
    record EveryWindow() implements Trigger {
        @Override
        public TriggerDecision decide(int window, DriftMetricsTable drift, ProfileMetricsTable profile) {
            return TriggerDecision.fire("online: every window");
        }

        @Override
        public String describe() {
            return "every window (incremental update)";
        }
    }
}
