package dev.mlsandbox.retraining;

import java.util.Locale;

import dev.mlsandbox.drift.lab.ChurnStream;
import dev.mlsandbox.drift.lab.ChurnStream.Conditions;

/**
 * Something that happens to the stream over a range of windows. An event can change the world the
 * rows are drawn from ({@link #shape}: covariate, concept and label shift, seasonality), what the
 * pipeline sees of the inputs ({@link #observe}: a broken feed) or the labels that land
 * ({@link #label}: a labelling bug). The lab always measures quality against the true labels.
 */
public sealed interface StreamEvent permits StreamEvent.Seasonal, StreamEvent.GradualCovariateDrift,
        StreamEvent.SuddenCovariateDrift, StreamEvent.TransientAnomaly, StreamEvent.ConceptDrift, StreamEvent.LabelShift,
        StreamEvent.CorruptedLabels {

    /** Short name, also used in report.json. */
    String kind();

    /** First window the event touches. */
    int from();

    /** Last window the event touches (inclusive). */
    int to();

    /** What happens, in a sentence. */
    String description();

    /** Whether retraining on this event's windows risks a worse model (a hazard, not a real change). */
    default boolean hazard() {
        return false;
    }

    default boolean active(int window) {
        return window >= from() && window <= to();
    }

    /** The world of window {@code w}: the generator's conditions after this event. */
    default Conditions shape(int w, Conditions c) {
        return c;
    }

    /** What the pipeline sees of window {@code w}'s inputs. */
    default ChurnStream.Window observe(int w, ChurnStream.Window window) {
        return window;
    }

    /** The labels of window {@code w} as they land. */
    default int[] label(int w, int[] labels) {
        return labels;
    }

    /** Charges swing with a season: a sine of {@code amplitude} standard deviations over {@code period} windows. */
    record Seasonal(double amplitude, int period, int from, int to) implements StreamEvent {
        @Override
        public String kind() {
            return "seasonal";
        }

        @Override
        public String description() {
            return String.format(Locale.ROOT, "charges swing by +/- %.2f std with a period of %d windows (harmless: "
                    + "P(churn | x) does not change)", amplitude, period);
        }

        @Override
        public Conditions shape(int w, Conditions c) {
            double shift = 15 * amplitude * Math.sin(2 * Math.PI * w / period);
            return new Conditions(c.tenureShift(), c.chargesShift() + shift, c.deviceShift(), c.tenureCoef(),
                    c.keepNegative());
        }
    }

    /** Tenure's mean falls by {@code std} standard deviations, linearly from {@code from} to {@code to}, then stays. */
    record GradualCovariateDrift(double std, int from, int to) implements StreamEvent {
        @Override
        public String kind() {
            return "covariate-drift-gradual";
        }

        @Override
        public String description() {
            return String.format(Locale.ROOT, "tenure's mean falls by %.1f std over windows %d-%d and stays there "
                    + "(input drift, P(churn | x) unchanged)", std, from, to);
        }

        @Override
        public boolean active(int window) {
            return window >= from;
        }

        @Override
        public Conditions shape(int w, Conditions c) {
            if (w < from) {
                return c;
            }
            double ramp = to == from ? 1 : Math.min(1.0, (double) (w - from) / (to - from));
            return new Conditions(c.tenureShift() - 8 * std * ramp, c.chargesShift(), c.deviceShift(), c.tenureCoef(),
                    c.keepNegative());
        }
    }

    /** device_age jumps by {@code std} standard deviations at {@code from} and stays (a feature the relation ignores). */
    record SuddenCovariateDrift(double std, int from) implements StreamEvent {
        @Override
        public String kind() {
            return "covariate-drift-sudden";
        }

        @Override
        public int to() {
            return Integer.MAX_VALUE;
        }

        @Override
        public String description() {
            return String.format(Locale.ROOT, "device_age jumps by %.1f std at window %d and stays (input drift in a "
                    + "feature the true relation ignores)", std, from);
        }

        @Override
        public Conditions shape(int w, Conditions c) {
            return w < from ? c : new Conditions(c.tenureShift(), c.chargesShift(), c.deviceShift() + std, c.tenureCoef(),
                    c.keepNegative());
        }
    }

    /** For one window a broken feed fills charges with 0 (the labels are real). */
    record TransientAnomaly(int from) implements StreamEvent {
        @Override
        public String kind() {
            return "anomaly";
        }

        @Override
        public int to() {
            return from;
        }

        @Override
        public boolean hazard() {
            return true;
        }

        @Override
        public String description() {
            return "window " + from + ": a broken upstream join fills charges with 0 for every row; the next window is "
                    + "normal again";
        }

        @Override
        public ChurnStream.Window observe(int w, ChurnStream.Window window) {
            if (w != from) {
                return window;
            }
            return new ChurnStream.Window(window.tenure(), new double[window.size()], window.deviceAge(), window.plan(),
                    window.label());
        }
    }

    /** From {@code from} on, tenure's effect on churn is {@code tenureCoef} instead of {@value ChurnStream#TENURE_COEF}. */
    record ConceptDrift(double tenureCoef, int from) implements StreamEvent {
        @Override
        public String kind() {
            return "concept-drift";
        }

        @Override
        public int to() {
            return Integer.MAX_VALUE;
        }

        @Override
        public String description() {
            return String.format(Locale.ROOT, "from window %d tenure's effect on churn is %+.1f instead of %+.1f: the "
                    + "inputs do not move, the relation does", from, tenureCoef, ChurnStream.TENURE_COEF);
        }

        @Override
        public Conditions shape(int w, Conditions c) {
            return w < from ? c : new Conditions(c.tenureShift(), c.chargesShift(), c.deviceShift(), tenureCoef,
                    c.keepNegative());
        }
    }

    /** The churn rate rises for a few windows (P(x | y) unchanged), then falls back. */
    record LabelShift(double keepNegative, int from, int to) implements StreamEvent {
        @Override
        public String kind() {
            return "label-shift";
        }

        @Override
        public boolean hazard() {
            return true;
        }

        @Override
        public String description() {
            return String.format(Locale.ROOT, "windows %d-%d: a competitor's offer raises the churn rate (only %.0f %% of "
                    + "the non-churners stay in the sample, P(x | churn) unchanged), then it falls back", from, to,
                    100 * keepNegative);
        }

        @Override
        public Conditions shape(int w, Conditions c) {
            return !active(w) ? c : new Conditions(c.tenureShift(), c.chargesShift(), c.deviceShift(), c.tenureCoef(),
                    c.keepNegative() * keepNegative);
        }
    }

    /** A labelling bug: the labels that land for these windows are inverted (is_active written as churn). */
    record CorruptedLabels(int from, int to) implements StreamEvent {
        @Override
        public String kind() {
            return "corrupted-labels";
        }

        @Override
        public boolean hazard() {
            return true;
        }

        @Override
        public String description() {
            return "windows " + from + "-" + to + ": a release of the labelling job writes is_active instead of churn, so "
                    + "every landed label is inverted; the inputs are fine";
        }

        @Override
        public int[] label(int w, int[] labels) {
            if (!active(w)) {
                return labels;
            }
            int[] out = new int[labels.length];
            for (int k = 0; k < labels.length; k++) {
                out[k] = 1 - labels[k];
            }
            return out;
        }
    }
}
