package dev.mlsandbox.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories that labs, probes and clients make and clean up after themselves. */
public final class TempDirectories {
    private TempDirectories() {
    }

    /**
     * Deletes a directory and everything in it, best effort: a temporary directory left behind
     * is harmless, and the work that used it has already produced its result. Null is ignored.
     */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // nothing to clean, or not cleanable: leave it
        }
    }
}
