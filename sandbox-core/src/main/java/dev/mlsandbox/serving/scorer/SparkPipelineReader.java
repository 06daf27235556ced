package dev.mlsandbox.serving.scorer;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.DecisionTreeClassificationModel;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.feature.Bucketizer;
import org.apache.spark.ml.feature.ImputerModel;
import org.apache.spark.ml.feature.MinMaxScalerModel;
import org.apache.spark.ml.feature.OneHotEncoderModel;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.ml.tree.CategoricalSplit;
import org.apache.spark.ml.tree.ContinuousSplit;
import org.apache.spark.ml.tree.InternalNode;
import org.apache.spark.ml.tree.Node;
import org.apache.spark.ml.tree.Split;
import org.apache.spark.sql.Row;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlsandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the stages of an in-memory {@link PipelineModel} into {@link StageSpec}s: params encoded
 * with Spark's own {@code Param.jsonEncode} (the form {@code metadata} files hold), learned data
 * from the models' accessors. Tree leaves' class counts come from {@code Node.impurityStats},
 * which Spark marks {@code private[ml]} (public in the bytecode): the public API has no other
 * route to them, and the saved form holds the same numbers.
 */
final class SparkPipelineReader {

    private static final ObjectMapper JSON = Json.mapper();

    private SparkPipelineReader() {
    }

    /** The stages in transform order, nested PipelineModels flattened. */
    static List<StageSource> stages(PipelineModel model) {
        List<StageSource> out = new ArrayList<>();
        flatten(model, out);
        return out;
    }

    private static void flatten(PipelineModel model, List<StageSource> out) {
        for (Transformer stage : model.stages()) {
            if (stage instanceof PipelineModel nested) {
                flatten(nested, out);
            } else {
                out.add(new StageSource(out.size(), stage.uid(), stage.getClass().getName(), () -> spec(stage)));
            }
        }
    }

    static StageParams params(Params stage) {
        ObjectNode set = JSON.createObjectNode();
        ObjectNode defaults = JSON.createObjectNode();
        for (Param<?> p : stage.params()) {
            @SuppressWarnings("unchecked")
            Param<Object> param = (Param<Object>) p;
            if (stage.isSet(param)) {
                set.set(param.name(), parse(param.jsonEncode(stage.getOrDefault(param))));
            }
            if (stage.hasDefault(param)) {
                defaults.set(param.name(), parse(param.jsonEncode(stage.getDefault(param).get())));
            }
        }
        return new StageParams(set, defaults);
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnsupportedStageException("a param's JSON encoding cannot be read: " + e.getOriginalMessage());
        }
    }

    static StageSpec spec(Transformer stage) {
        StageParams p = params(stage);
        String uid = stage.uid();
        if (stage instanceof StringIndexerModel m) {
            return StringIndexerSpec.from(uid, p, m.labelsArray());
        }
        if (stage instanceof OneHotEncoderModel m) {
            return OneHotEncoderSpec.from(uid, p, m.categorySizes());
        }
        if (stage instanceof VectorAssembler) {
            return VectorAssemblerSpec.from(uid, p);
        }
        if (stage instanceof StandardScalerModel m) {
            return StandardScalerSpec.from(uid, p, m.std().toArray(), m.mean().toArray());
        }
        if (stage instanceof MinMaxScalerModel m) {
            return MinMaxScalerSpec.from(uid, p, m.originalMin().toArray(), m.originalMax().toArray());
        }
        if (stage instanceof ImputerModel m) {
            // surrogateDF is the public form of the surrogates: one row, one column per input column.
            Row row = m.surrogateDF().head();
            String[] columns = m.surrogateDF().columns();
            double[] values = new double[columns.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = ((Number) row.get(i)).doubleValue();
            }
            return ImputerSpec.from(uid, p, columns, values);
        }
        if (stage instanceof Bucketizer) {
            return BucketizerSpec.from(uid, p);
        }
        if (stage instanceof LogisticRegressionModel m) {
            Matrix b = m.coefficientMatrix();
            return LogisticRegressionSpec.from(uid, p, m.numClasses(), m.numFeatures(), m.interceptVector().toArray(),
                    rows(b), isMultinomial(m));
        }
        if (stage instanceof LinearRegressionModel m) {
            return LinearRegressionSpec.from(uid, p, m.coefficients().toArray(), m.intercept());
        }
        if (stage instanceof DecisionTreeClassificationModel m) {
            return TreeModelSpec.from(uid, TreeModelSpec.Kind.DECISION_TREE_CLASSIFIER, p, m.numFeatures(), m.numClasses(),
                    new FlatTree[]{flat(m.rootNode())}, new double[]{1.0});
        }
        if (stage instanceof RandomForestClassificationModel m) {
            return TreeModelSpec.from(uid, TreeModelSpec.Kind.RANDOM_FOREST_CLASSIFIER, p, m.numFeatures(), m.numClasses(),
                    flat(m.trees()), m.treeWeights());
        }
        if (stage instanceof GBTClassificationModel m) {
            return TreeModelSpec.from(uid, TreeModelSpec.Kind.GBT_CLASSIFIER, p, m.numFeatures(), m.numClasses(),
                    flat(m.trees()), m.treeWeights());
        }
        if (stage instanceof DecisionTreeRegressionModel m) {
            return TreeModelSpec.from(uid, TreeModelSpec.Kind.DECISION_TREE_REGRESSOR, p, m.numFeatures(), 0,
                    new FlatTree[]{flat(m.rootNode())}, new double[]{1.0});
        }
        if (stage instanceof RandomForestRegressionModel m) {
            return TreeModelSpec.from(uid, TreeModelSpec.Kind.RANDOM_FOREST_REGRESSOR, p, m.numFeatures(), 0,
                    flat(m.trees()), m.treeWeights());
        }
        if (stage instanceof GBTRegressionModel m) {
            return TreeModelSpec.from(uid, TreeModelSpec.Kind.GBT_REGRESSOR, p, m.numFeatures(), 0,
                    flat(m.trees()), m.treeWeights());
        }
        throw new UnsupportedStageException(Stages.notSupported(stage.getClass().getName()));
    }

    /**
     * {@code isMultinomial} is a private field of the model; {@code intercept()} is public and
     * throws exactly when the model is multinomial, so it tells the two apart without guessing
     * from the matrix shape (a multinomial model fitted on two classes has two rows, a binomial one).
     */
    private static boolean isMultinomial(LogisticRegressionModel m) {
        try {
            m.intercept();
            return false;
        } catch (Exception multinomial) { // a SparkException, which Scala throws undeclared
            return true;
        }
    }

    private static double[][] rows(Matrix m) {
        double[][] out = new double[m.numRows()][m.numCols()];
        for (int i = 0; i < m.numRows(); i++) {
            for (int j = 0; j < m.numCols(); j++) {
                out[i][j] = m.apply(i, j);
            }
        }
        return out;
    }

    private static FlatTree[] flat(org.apache.spark.ml.tree.DecisionTreeModel[] trees) {
        FlatTree[] out = new FlatTree[trees.length];
        for (int t = 0; t < trees.length; t++) {
            out[t] = flat(trees[t].rootNode());
        }
        return out;
    }

    /** Numbers nodes in pre-order as Spark's {@code NodeData.build} does when it saves a tree. */
    static FlatTree flat(Node root) {
        List<FlatTree.Node> nodes = new ArrayList<>();
        number(root, nodes);
        return FlatTree.of(nodes);
    }

    private static int number(Node node, List<FlatTree.Node> nodes) {
        int id = nodes.size();
        double[] stats = node.impurityStats().stats().clone();
        if (node instanceof InternalNode in) {
            nodes.add(null);
            int left = number(in.leftChild(), nodes);
            int right = number(in.rightChild(), nodes);
            Split split = in.split();
            FlatTree.Node data;
            if (split instanceof CategoricalSplit c) {
                data = new FlatTree.Node(id, node.prediction(), stats, left, right, c.featureIndex(),
                        c.leftCategories(), c.numCategories());
            } else if (split instanceof ContinuousSplit c) {
                data = new FlatTree.Node(id, node.prediction(), stats, left, right, c.featureIndex(),
                        new double[]{c.threshold()}, -1);
            } else {
                throw new UnsupportedStageException("unknown tree split " + split.getClass().getName());
            }
            nodes.set(id, data);
        } else {
            nodes.add(new FlatTree.Node(id, node.prediction(), stats, -1, -1, -1, new double[0], -1));
        }
        return id;
    }
}
