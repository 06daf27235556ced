package dev.mlsandbox.cli;

import java.io.PrintStream;

import dev.mlsandbox.lab.Progress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a live bar on a terminal, one line per finished task otherwise (CI logs
 * and pipes stay readable).
 */
public final class TerminalProgress implements Progress {

    private final PrintStream err;
    private final boolean interactive;
    private ProgressBar bar;
    private String task;
    private long steps;
    private long done;
    private long startNanos;

    TerminalProgress(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    public static Progress forStderr(boolean quiet) {
        return quiet ? Progress.none() : new TerminalProgress(System.err, System.console() != null);
    }

    @Override
    public synchronized void begin(String newTask, long newSteps) {
        end();
        task = newTask;
        steps = newSteps;
        done = 0;
        startNanos = System.nanoTime();
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName(newTask).setInitialMax(newSteps)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(200).continuousUpdate().build();
        }
    }

    @Override
    public synchronized void advance(String detail) {
        done++;
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(detail == null ? "" : detail);
        }
    }

    @Override
    public synchronized void end() {
        if (task == null) {
            return;
        }
        if (bar != null) {
            bar.close();
            bar = null;
        } else {
            err.printf("%s: %d/%d steps in %.1f s%n", task, done, steps, (System.nanoTime() - startNanos) / 1e9);
        }
        task = null;
    }
}
