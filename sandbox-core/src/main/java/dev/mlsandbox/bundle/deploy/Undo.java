package dev.mlsandbox.bundle.deploy;

/** Puts back what one deploy step changed; deploy runs them in reverse when a later step fails. */
@FunctionalInterface
public interface Undo {

    Undo NOTHING = () -> { };

    void run();
}
