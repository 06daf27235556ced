package dev.mlsandbox.retraining;

import java.util.ArrayList;
import java.util.List;

import dev.mlsandbox.drift.lab.ChurnStream;

/**
 * A seeded stream of labelled windows of churn-like data (the drift lab's generator), changed over
 * time by a list of {@link StreamEvent}s; the labels of window {@code w} land at the end of window
 * {@code w + labelDelay}. The same seed gives the same windows, one seed per window, so generating
 * window 30 does not depend on having generated window 29.
 *
 * @param windows    how many windows
 * @param rows       rows per window
 * @param labelDelay windows between a window and the landing of its labels
 * @param seed       seed of every window
 * @param events     what happens, applied in order
 */
public record DriftingStream(int windows, int rows, int labelDelay, long seed, List<StreamEvent> events) {

    public DriftingStream {
        if (windows < 2) {
            throw new IllegalArgumentException("a stream needs at least 2 windows, got " + windows);
        }
        if (rows < 50) {
            throw new IllegalArgumentException("a window needs at least 50 rows, got " + rows);
        }
        if (labelDelay < 0) {
            throw new IllegalArgumentException("the label delay must be >= 0 windows, got " + labelDelay);
        }
        events = List.copyOf(events);
    }

    /**
     * The lab's stream: every kind of change once, placed at the same fractions of the stream
     * whatever its length (for 36 windows: gradual covariate drift over 3-9, the anomaly at 7,
     * concept drift at 13, a sudden covariate jump at 17, label shift over 22-24, corrupted labels
     * over 28-29), a seasonal swing throughout; none before {@code history}, the windows the first
     * model trains on.
     */
    public static DriftingStream standard(int windows, int rows, int labelDelay, int history, long seed) {
        if (windows < history + 12) {
            throw new IllegalArgumentException("the standard stream needs at least " + (history + 12) + " windows ("
                    + history + " of history and 12 to place its events), got " + windows);
        }
        List<StreamEvent> events = List.of(
                new StreamEvent.Seasonal(0.4, 8, 0, windows - 1),
                new StreamEvent.GradualCovariateDrift(1.0, at(3, windows, history), at(9, windows, history)),
                new StreamEvent.TransientAnomaly(at(7, windows, history)),
                new StreamEvent.ConceptDrift(-ChurnStream.TENURE_COEF, at(13, windows, history)),
                new StreamEvent.SuddenCovariateDrift(1.5, at(17, windows, history)),
                new StreamEvent.LabelShift(0.35, at(22, windows, history), at(24, windows, history)),
                new StreamEvent.CorruptedLabels(at(28, windows, history), at(29, windows, history)));
        return new DriftingStream(windows, rows, labelDelay, seed, events);
    }

    /** Window {@code of36} of a 36-window stream, scaled to {@code windows} and kept out of the history. */
    private static int at(int of36, int windows, int history) {
        return Math.max(history, (int) Math.round(of36 * windows / 36.0));
    }

    /** Generates window {@code w}. */
    public StreamWindow window(int w) {
        if (w < 0 || w >= windows) {
            throw new IllegalArgumentException("window " + w + " is outside the stream's 0.." + (windows - 1));
        }
        ChurnStream.Conditions c = ChurnStream.Conditions.reference();
        for (StreamEvent e : events) {
            c = e.shape(w, c);
        }
        ChurnStream.Window drawn = ChurnStream.generate(c, rows, seed * 1_000_003L + w);
        ChurnStream.Window seen = drawn;
        int[] landed = drawn.label();
        List<String> active = new ArrayList<>();
        for (StreamEvent e : events) {
            seen = e.observe(w, seen);
            landed = e.label(w, landed);
            if (e.active(w)) {
                active.add(e.kind());
            }
        }
        ChurnStream.Window observed = new ChurnStream.Window(seen.tenure(), seen.charges(), seen.deviceAge(), seen.plan(),
                landed);
        return new StreamWindow(w, observed, drawn.label(), c, active);
    }

    /** The window whose labels land at the end of window {@code w} (negative before the first). */
    public int labelledAt(int w) {
        return w - labelDelay;
    }

    /** A window drawn from the reference distribution with its own seed, for a baseline measurement. */
    public ChurnStream.Window referenceSample(int size) {
        return ChurnStream.generate(ChurnStream.Conditions.reference(), size, seed * 1_000_003L - 1);
    }

    /** The events of one kind (empty when the stream has none). */
    public List<StreamEvent> events(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
