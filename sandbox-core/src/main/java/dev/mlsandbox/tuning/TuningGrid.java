package dev.mlsandbox.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;

import dev.mlsandbox.lab.ParameterText;

/**
 * The hyperparameter grid, as data: one axis per {@link LogisticRegression} double param, every
 * combination of the axes' values is one param map (the grid has the product of the axis sizes).
 *
 * <p>The default grid has 2 x 2 = 4 maps: {@code regParam} in {0.01, 0.05} (regularisation
 * strength) crossed with {@code elasticNetParam} in {0.0, 1.0} (pure L2, pure L1). On the churn
 * data three of the maps score within a few thousandths of AUC of each other: close enough that a
 * single validation split can rank them either way, which is what the lab wants to show. (With
 * {@code regParam} 0.1 instead, the two light-penalty maps ranked the rows identically on most
 * validation sets, and Spark breaks a tie by taking the first map: both validators "chose" map 0
 * with every seed, which shows the tie rule rather than the variance.)
 *
 * <p>As a lab parameter the grid is written {@code regParam=0.01,0.05;elasticNetParam=0.0,1.0}:
 * axes separated by {@code ;}, each a param name, {@code =}, and its values separated by {@code ,}.
 *
 * @param axes the grid's axes, in the order given to {@link ParamGridBuilder}
 */
public record TuningGrid(List<Axis> axes) implements ParameterText {

    /** One param and the values it takes. */
    public record Axis(String param, List<Double> values) {
        public Axis {
            Objects.requireNonNull(param, "param");
            values = List.copyOf(values);
        }
    }

    public TuningGrid {
        axes = List.copyOf(axes);
    }

    public static TuningGrid defaults() {
        return new TuningGrid(List.of(
                new Axis("regParam", List.of(0.01, 0.05)),
                new Axis("elasticNetParam", List.of(0.0, 1.0))));
    }

    public static TuningGrid of(Axis... axes) {
        return new TuningGrid(List.of(axes));
    }

    /** Number of param maps: the product of the axis sizes (0 when there is no axis or an empty one). */
    public int size() {
        if (axes.isEmpty()) {
            return 0;
        }
        int size = 1;
        for (Axis axis : axes) {
            size *= axis.values().size();
        }
        return size;
    }

    /** Throws with a message naming the problem when the grid cannot be built for this classifier. */
    public void validate(LogisticRegression classifier) {
        if (size() == 0) {
            String why = axes.isEmpty() ? "it has no axis" : "axis '" + axes.stream()
                    .filter(a -> a.values().isEmpty()).findFirst().map(Axis::param).orElse("?") + "' has no values";
            throw new IllegalArgumentException("the tuning grid is empty (" + why + "): a validator needs at least one "
                    + "param map; give every axis at least one value, e.g. regParam = [0.01, 0.1]");
        }
        List<String> seen = new ArrayList<>();
        for (Axis axis : axes) {
            if (seen.contains(axis.param())) {
                throw new IllegalArgumentException("the tuning grid names param '" + axis.param() + "' twice; merge the two axes");
            }
            seen.add(axis.param());
            if (!classifier.hasParam(axis.param()) || !(classifier.getParam(axis.param()) instanceof DoubleParam)) {
                throw new IllegalArgumentException("the tuning grid names '" + axis.param() + "', which is not a double "
                        + "param of LogisticRegression; use e.g. regParam, elasticNetParam, tol or threshold");
            }
            for (double value : axis.values()) {
                Param<Object> param = classifier.getParam(axis.param());
                if (!param.isValid().apply(value).equals(Boolean.TRUE)) {
                    throw new IllegalArgumentException("the tuning grid gives " + axis.param() + " = " + value
                            + ", which LogisticRegression rejects (" + param.doc() + ")");
                }
            }
        }
    }

    /** The param maps, built with Spark's {@link ParamGridBuilder} for this classifier's params. */
    public ParamMap[] build(LogisticRegression classifier) {
        validate(classifier);
        ParamGridBuilder builder = new ParamGridBuilder();
        for (Axis axis : axes) {
            DoubleParam param = (DoubleParam) classifier.getParam(axis.param());
            builder.addGrid(param, axis.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        return builder.build();
    }

    /** The grid as parameter text: {@code regParam=0.01,0.05;elasticNetParam=0.0,1.0} (exact values). */
    @Override
    public String toParameter() {
        return String.join(";", axes.stream().map(a -> a.param() + "=" + String.join(",", a.values().stream()
                .map(String::valueOf).toList())).toList());
    }

    /**
     * The grid from its parameter text (see {@link #toParameter()}); whether the params exist and
     * take these values is checked by {@link #validate}.
     */
    public static TuningGrid fromParameter(String text) {
        String form = "; write the axes as regParam=0.01,0.05;elasticNetParam=0.0,1.0";
        List<Axis> axes = new ArrayList<>();
        for (String axis : text.strip().split(";", -1)) {
            int eq = axis.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("axis '" + axis.strip() + "' has no param=values" + form);
            }
            List<Double> values = new ArrayList<>();
            for (String value : axis.substring(eq + 1).split(",", -1)) {
                try {
                    values.add(Double.parseDouble(value.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value.strip() + "' in axis '" + axis.strip()
                            + "' is not a number" + form);
                }
            }
            axes.add(new Axis(axis.substring(0, eq).strip(), values));
        }
        return new TuningGrid(axes);
    }

    /** Text for reports, e.g. {@code regParam in [0.01, 0.05] x elasticNetParam in [0, 1]}. */
    public String describe() {
        return String.join(" x ", axes.stream().map(a -> a.param() + " in " + a.values().stream()
                .map(dev.mlsandbox.report.Format::number).toList()).toList());
    }
}
