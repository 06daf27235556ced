package dev.mlsandbox.pipeline;

import dev.mlsandbox.lab.TempDirectories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Saves a fitted PipelineModel to a temporary directory, lists what Spark wrote, loads it back and
 * scores the same rows with both. The directory is deleted afterwards.
 */
public final class PersistenceProbe {

    private PersistenceProbe() {
    }

    public static PersistenceOutcome run(PipelineModel model, Dataset<Row> rows) {
        Path root = null;
        try {
            root = Files.createTempDirectory("sandbox-pipeline-model");
            Path saved = root.resolve("model");
            model.write().overwrite().save(saved.toUri().toString());
            List<String> layout = new ArrayList<>();
            List<String> stageDirs = new ArrayList<>();
            long bytes = 0;
            try (Stream<Path> walk = Files.walk(saved)) {
                for (Path p : walk.sorted().toList()) {
                    String relative = saved.relativize(p).toString().replace('\\', '/');
                    if (relative.isEmpty() || relative.endsWith(".crc")) {
                        continue;
                    }
                    boolean dir = Files.isDirectory(p);
                    layout.add(dir ? relative + "/" : relative);
                    if (dir && p.getParent().equals(saved.resolve("stages"))) {
                        stageDirs.add(relative);
                    }
                    bytes += dir ? 0 : Files.size(p);
                }
            }
            PipelineModel loaded = PipelineModel.load(saved.toUri().toString());
            List<Metrics.Scored> before = LeakageProbe.collect(model.transform(rows));
            List<Metrics.Scored> after = LeakageProbe.collect(loaded.transform(rows));
            long mismatches = Math.abs(before.size() - after.size());
            double maxDiff = 0;
            for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
                Metrics.Scored x = before.get(i);
                Metrics.Scored y = after.get(i);
                maxDiff = Math.max(maxDiff, Math.abs(x.probability() - y.probability()));
                boolean same = x.id() == y.id() && x.prediction() == y.prediction() && x.probability() == y.probability();
                mismatches += same ? 0 : 1;
            }
            return new PersistenceOutcome(layout, stageDirs, bytes, loaded.getClass().getSimpleName(), before.size(),
                    mismatches, maxDiff);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save or list the PipelineModel under " + root + ": " + e.getMessage(), e);
        } finally {
            TempDirectories.deleteQuietly(root);
        }
    }
}
