package dev.mlsandbox.testing;

import java.util.ArrayList;
import java.util.List;

import dev.mlsandbox.lab.Progress;

/**
 * A progress sink that remembers, for every task a lab began, how many steps it planned and how
 * many it reported: a bar that ends at "38/39 steps" is a lab that planned one step it never does.
 * Safe from several threads, as {@link Progress} requires.
 */
public final class CheckedProgress implements Progress {

    private final List<String> mismatches = new ArrayList<>();
    private final List<String> tasks = new ArrayList<>();
    private String task;
    private long planned;
    private long done;

    @Override
    public synchronized void begin(String task, long steps) {
        finishCurrent();
        this.task = task;
        this.planned = steps;
        this.done = 0;
        tasks.add(task);
    }

    @Override
    public synchronized void advance(String detail) {
        done++;
    }

    @Override
    public synchronized void end() {
        finishCurrent();
    }

    private void finishCurrent() {
        if (task != null && done != planned) {
            mismatches.add("'" + task + "' planned " + planned + " steps and reported " + done);
        }
        task = null;
    }

    /** Throws unless at least one task ran and every task reported the steps it planned. */
    public synchronized void assertEveryTaskCompleted() {
        finishCurrent();
        if (tasks.isEmpty()) {
            throw new AssertionError("the lab reported no progress at all");
        }
        if (!mismatches.isEmpty()) {
            throw new AssertionError(String.join("; ", mismatches));
        }
    }
}
