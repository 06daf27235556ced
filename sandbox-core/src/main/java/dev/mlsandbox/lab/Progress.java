package dev.mlsandbox.lab;

/**
 * Where a lab reports how far along it is. The CLI draws a progress bar on stderr; a notebook
 * usually passes {@link #none()}. Implementations must tolerate calls from several threads.
 */
public interface Progress {

    /** A new task of {@code steps} units starts (replacing any current one). */
    void begin(String task, long steps);

    /** One unit of the current task is done; {@code detail} says which. */
    void advance(String detail);

    /** The current task is finished. */
    void end();

    static Progress none() {
        return NoProgress.INSTANCE;
    }

    /** Discards everything. */
    enum NoProgress implements Progress {
        INSTANCE;

        @Override
        public void begin(String task, long steps) {
        }

        @Override
        public void advance(String detail) {
        }

        @Override
        public void end() {
        }
    }
}
