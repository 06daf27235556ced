package dev.mlsandbox.serving.scorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.Type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlsandbox.http.Json;

/**
 * Reads a PipelineModel from the directory {@code model.write().save(dir)} wrote, without Spark:
 * <pre>
 * dir/metadata/part-00000            {"class": "org.apache.spark.ml.PipelineModel", "paramMap": {"stageUids": [...]}}
 * dir/stages/&lt;idx&gt;_&lt;uid&gt;/metadata/part-00000   class, params, sparkVersion (+ numFeatures, numClasses for trees)
 * dir/stages/&lt;idx&gt;_&lt;uid&gt;/data/part-*.parquet    what the stage learned (labels, vectors, tree nodes)
 * dir/stages/&lt;idx&gt;_&lt;uid&gt;/treesMetadata/     per-tree params and weights of an ensemble
 * </pre>
 * Metadata is JSON (Jackson); data is Parquet, read with parquet-column's record API from the
 * local file system ({@link ParquetRows}). Spark is on the classpath of this project anyway, but
 * nothing here touches it: an endpoint whose stages all compile starts without a SparkSession.
 */
public final class SavedPipelineReader {

    private static final ObjectMapper JSON = Json.mapper();
    private static final String PIPELINE_MODEL = "org.apache.spark.ml.PipelineModel";

    private SavedPipelineReader() {
    }

    /**
     * Compiles the model saved in {@code dir}; the report names the first stage that cannot be
     * compiled. A directory that is not a saved Spark model is an {@link IOException}.
     */
    public static CompileResult read(Path dir) throws IOException {
        List<StageSource> stages = new ArrayList<>();
        flatten(dir, stages);
        return CompiledScorer.compile(stages, dir.toString());
    }

    private static void flatten(Path dir, List<StageSource> out) throws IOException {
        JsonNode meta = metadata(dir);
        String cls = meta.path("class").asText();
        if (!PIPELINE_MODEL.equals(cls)) {
            // A single model saved on its own (MLflow wraps those in a pipeline, but accept both).
            out.add(source(out.size(), dir, meta));
            return;
        }
        Map<String, Path> byUid = stageDirs(dir.resolve("stages"));
        for (JsonNode uidNode : meta.path("paramMap").path("stageUids")) {
            String uid = uidNode.asText();
            Path stageDir = byUid.get(uid);
            if (stageDir == null) {
                throw new IOException("the pipeline in " + dir + " lists stage " + uid + " but stages/ has no *_" + uid
                        + " directory");
            }
            JsonNode stageMeta = metadata(stageDir);
            if (PIPELINE_MODEL.equals(stageMeta.path("class").asText())) {
                flatten(stageDir, out);
            } else {
                out.add(source(out.size(), stageDir, stageMeta));
            }
        }
    }

    private static Map<String, Path> stageDirs(Path stages) throws IOException {
        Map<String, Path> byUid = new HashMap<>();
        if (!Files.isDirectory(stages)) {
            return byUid;
        }
        try (Stream<Path> dirs = Files.list(stages)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                String name = d.getFileName().toString();
                int cut = name.indexOf('_');
                if (cut > 0) {
                    byUid.put(name.substring(cut + 1), d);
                }
            }
        }
        return byUid;
    }

    /** The JSON line in {@code dir/metadata/part-*}. */
    static JsonNode metadata(Path dir) throws IOException {
        Path metaDir = dir.resolve("metadata");
        if (!Files.isDirectory(metaDir)) {
            throw new IOException(dir + " is not a saved Spark ML model: it has no metadata/ directory"
                    + " (expected what PipelineModel.write().save(dir) writes)");
        }
        try (Stream<Path> files = Files.list(metaDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        return JSON.readTree(line);
                    }
                }
            }
        }
        throw new IOException("no metadata line in " + metaDir);
    }

    private static StageSource source(int index, Path dir, JsonNode meta) {
        String cls = meta.path("class").asText();
        String uid = meta.path("uid").asText();
        return new StageSource(index, uid, cls, () -> {
            try {
                return spec(dir, meta, cls, uid);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read stage " + uid + " in " + dir + ": " + e.getMessage(), e);
            }
        });
    }

    private static StageSpec spec(Path dir, JsonNode meta, String cls, String uid) throws IOException {
        if (!Stages.SUPPORTED.contains(cls)) {
            throw new UnsupportedStageException(Stages.notSupported(cls));
        }
        String version = meta.path("sparkVersion").asText("");
        if (!version.isEmpty() && version.charAt(0) < '3' && version.indexOf('.') == 1) {
            throw new UnsupportedStageException("it was saved by Spark " + version + ", whose data layout the reader"
                    + " does not know; load and save it again with Spark 3 or later");
        }
        StageParams p = new StageParams(meta.get("paramMap"), meta.get("defaultParamMap"));
        switch (Stages.simpleName(cls)) {
            case "VectorAssembler":
                return VectorAssemblerSpec.from(uid, p);
            case "Bucketizer":
                return BucketizerSpec.from(uid, p);
            default:
                break;
        }
        List<Group> rows = ParquetRows.read(dir.resolve("data"));
        Group row = rows.get(0);
        return switch (Stages.simpleName(cls)) {
            case "StringIndexerModel" -> StringIndexerSpec.from(uid, p, ParquetRows.stringLists(row, "labelsArray"));
            case "OneHotEncoderModel" -> OneHotEncoderSpec.from(uid, p, ParquetRows.ints(row, "categorySizes"));
            case "StandardScalerModel" -> StandardScalerSpec.from(uid, p, ParquetRows.vector(row, "std"),
                    ParquetRows.vector(row, "mean"));
            case "MinMaxScalerModel" -> MinMaxScalerSpec.from(uid, p, ParquetRows.vector(row, "originalMin"),
                    ParquetRows.vector(row, "originalMax"));
            case "ImputerModel" -> imputer(uid, p, row);
            case "LogisticRegressionModel" -> LogisticRegressionSpec.from(uid, p, ParquetRows.integer(row, "numClasses"),
                    ParquetRows.integer(row, "numFeatures"), ParquetRows.vector(row, "interceptVector"),
                    ParquetRows.matrix(row, "coefficientMatrix"), ParquetRows.bool(row, "isMultinomial"));
            case "LinearRegressionModel" -> LinearRegressionSpec.from(uid, p, ParquetRows.vector(row, "coefficients"),
                    ParquetRows.number(row, "intercept"));
            case "DecisionTreeClassificationModel" -> TreeModelSpec.from(uid, TreeModelSpec.Kind.DECISION_TREE_CLASSIFIER,
                    p, meta.path("numFeatures").asInt(), meta.path("numClasses").asInt(), new FlatTree[]{tree(rows, false)},
                    new double[]{1.0});
            case "DecisionTreeRegressionModel" -> TreeModelSpec.from(uid, TreeModelSpec.Kind.DECISION_TREE_REGRESSOR,
                    p, meta.path("numFeatures").asInt(), 0, new FlatTree[]{tree(rows, false)}, new double[]{1.0});
            case "RandomForestClassificationModel" -> ensemble(uid, TreeModelSpec.Kind.RANDOM_FOREST_CLASSIFIER, p, meta, dir, rows);
            case "GBTClassificationModel" -> ensemble(uid, TreeModelSpec.Kind.GBT_CLASSIFIER, p, meta, dir, rows);
            case "RandomForestRegressionModel" -> ensemble(uid, TreeModelSpec.Kind.RANDOM_FOREST_REGRESSOR, p, meta, dir, rows);
            case "GBTRegressionModel" -> ensemble(uid, TreeModelSpec.Kind.GBT_REGRESSOR, p, meta, dir, rows);
            default -> throw new UnsupportedStageException(Stages.notSupported(cls));
        };
    }

    /** ImputerModel's data: one row, one double column per input column (the surrogates). */
    private static StageSpec imputer(String uid, StageParams p, Group row) {
        List<Type> fields = row.getType().getFields();
        String[] columns = new String[fields.size()];
        double[] values = new double[fields.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = fields.get(i).getName();
            values[i] = ParquetRows.number(row, columns[i]);
        }
        return ImputerSpec.from(uid, p, columns, values);
    }

    private static StageSpec ensemble(String uid, TreeModelSpec.Kind kind, StageParams p, JsonNode meta, Path dir,
                                      List<Group> rows) throws IOException {
        Map<Integer, Double> weights = new TreeMap<>();
        for (Group t : ParquetRows.read(dir.resolve("treesMetadata"))) {
            weights.put(ParquetRows.integer(t, "_1"), ParquetRows.number(t, "_3"));
        }
        Map<Integer, List<Group>> byTree = new TreeMap<>();
        for (Group r : rows) {
            byTree.computeIfAbsent(ParquetRows.integer(r, "treeID"), k -> new ArrayList<>())
                    .add(ParquetRows.group(r, "nodeData"));
        }
        if (!byTree.keySet().equals(weights.keySet())) {
            throw new UnsupportedStageException("tree ids in data " + byTree.keySet() + " and treesMetadata "
                    + weights.keySet() + " differ");
        }
        FlatTree[] trees = new FlatTree[byTree.size()];
        double[] w = new double[byTree.size()];
        int i = 0;
        for (Map.Entry<Integer, List<Group>> e : byTree.entrySet()) {
            trees[i] = tree(e.getValue(), true);
            w[i++] = weights.get(e.getKey());
        }
        int numClasses = kind.classifier ? meta.path("numClasses").asInt() : 0;
        return TreeModelSpec.from(uid, kind, p, meta.path("numFeatures").asInt(), numClasses, trees, w);
    }

    /** A tree from its {@code NodeData} rows (top-level rows, or the {@code nodeData} structs of an ensemble). */
    private static FlatTree tree(List<Group> nodes, boolean nested) {
        List<FlatTree.Node> out = new ArrayList<>(nodes.size());
        for (Group n : nodes) {
            Group split = ParquetRows.group(n, "split");
            out.add(new FlatTree.Node(ParquetRows.integer(n, "id"), ParquetRows.number(n, "prediction"),
                    ParquetRows.doubles(n, "impurityStats"), ParquetRows.integer(n, "leftChild"),
                    ParquetRows.integer(n, "rightChild"), ParquetRows.integer(split, "featureIndex"),
                    ParquetRows.doubles(split, "leftCategoriesOrThreshold"), ParquetRows.integer(split, "numCategories")));
        }
        return FlatTree.of(out);
    }
}
