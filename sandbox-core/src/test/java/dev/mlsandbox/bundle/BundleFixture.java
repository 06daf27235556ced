package dev.mlsandbox.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.mlsandbox.bundle.config.Diagnostic;

/** Writes bundle files into a directory and loads them, for the bundle tests. */
final class BundleFixture {

    private final Path dir;

    BundleFixture(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    BundleFixture file(String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text.stripIndent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    BundleOptions options() {
        return new BundleOptions(dir, null, List.of(), Map.of(), "jane.doe@example.com");
    }

    LoadedBundle load() {
        return BundleLoader.load(options());
    }

    LoadedBundle load(BundleOptions options) {
        return BundleLoader.load(options);
    }

    static Diagnostic find(LoadedBundle b, String summaryPart) {
        return b.diagnostics().stream().filter(d -> d.summary().contains(summaryPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no diagnostic containing '" + summaryPart + "' in " + b.diagnostics()));
    }
}
