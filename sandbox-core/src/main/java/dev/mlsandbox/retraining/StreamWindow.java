package dev.mlsandbox.retraining;

import java.util.List;

import dev.mlsandbox.drift.lab.ChurnStream;

/**
 * One window of the stream.
 *
 * @param index      the window's number (a day, say)
 * @param observed   the inputs the pipeline sees and the labels that land for them (possibly corrupted)
 * @param truth      the true labels, which only the lab's quality measurement reads
 * @param conditions the world the rows were drawn from
 * @param events     the kinds of the events active in this window
 */
public record StreamWindow(int index, ChurnStream.Window observed, int[] truth, ChurnStream.Conditions conditions,
                           List<String> events) {

    public StreamWindow {
        events = List.copyOf(events);
        if (truth.length != observed.size()) {
            throw new IllegalArgumentException("window " + index + ": " + truth.length + " true labels for "
                    + observed.size() + " rows");
        }
    }

    public int size() {
        return truth.length;
    }

    /** Share of churners among the true labels. */
    public double churnRate() {
        double s = 0;
        for (int y : truth) {
            s += y;
        }
        return s / truth.length;
    }
}
