package dev.mlsandbox.lab;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Running a lab's independent pieces of work side by side: a pool of daemon threads (a lab that
 * fails never keeps the JVM alive), and waiting for a result so that the work's own exception
 * reaches the caller rather than the {@link ExecutionException} around it.
 */
public final class Tasks {

    private Tasks() {
    }

    /** A fixed pool of {@code threads} daemon threads named {@code name-1}, {@code name-2}, ... */
    public static ExecutorService daemonPool(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The task's value. If it failed, its own exception is thrown (a checked one wrapped in an
     * {@link IllegalStateException} with the same message); {@code what} names the work in the
     * message when the waiting thread is interrupted.
     */
    public static <T> T await(Future<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
