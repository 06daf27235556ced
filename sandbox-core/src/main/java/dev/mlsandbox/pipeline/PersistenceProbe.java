package dev.mlsandbox.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.spark.ChurnData;

/**
 * Saves a fitted PipelineModel to a temporary directory, lists what Spark wrote, loads it back and
 * scores the same rows with both. The directory is deleted afterwards.
 */
final class PersistenceProbe {

    private PersistenceProbe() {
    }

    static PersistenceOutcome run(PipelineModel model, Dataset<Row> rows) {
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
            List<Row> before = score(model, rows);
            List<Row> after = score(loaded, rows);
            long mismatches = Math.abs(before.size() - after.size());
            double maxDiff = 0;
            for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
                Row x = before.get(i);
                Row y = after.get(i);
                double px = ((Vector) x.getAs(2)).apply(1);
                double py = ((Vector) y.getAs(2)).apply(1);
                maxDiff = Math.max(maxDiff, Math.abs(px - py));
                boolean same = x.getLong(0) == y.getLong(0) && x.getDouble(1) == y.getDouble(1) && px == py;
                mismatches += same ? 0 : 1;
            }
            return new PersistenceOutcome(layout, stageDirs, bytes, loaded.getClass().getSimpleName(), before.size(),
                    mismatches, maxDiff);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save or list the PipelineModel under " + root + ": " + e.getMessage(), e);
        } finally {
            TransformProbe.deleteQuietly(root);
        }
    }

    private static List<Row> score(PipelineModel model, Dataset<Row> rows) {
        return model.transform(rows).select(ChurnData.ID, "prediction", "probability").orderBy(ChurnData.ID).collectAsList();
    }
}
