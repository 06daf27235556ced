package dev.mlsandbox.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A lab as the catalog ({@code dev.mlsandbox.Labs}), the tour, the CLI, a bundle and
 * {@code Sandbox} see it: its name and summary, what a default run costs, its options (defaults,
 * parameters, the map they are read from) and how to build it. Each lab declares its own as
 * {@code public static final ... DESCRIPTOR}; the CLI's {@code bin/sandbox lab <name>} options and
 * {@code --help} are generated from it.
 *
 * @param name          short name ({@code bin/sandbox lab <name>}), also the report's directory and
 *                      the MLflow experiment its runs are logged to
 * @param summary       one line saying what it shows
 * @param cost          what a default run costs and how to make it cheaper, for {@code --help}; may be empty
 * @param rowsParameter the parameter that {@code --rows} sets (the tour's and the CLI's size of
 *                      the main data set), or empty when the lab has no such size
 * @param defaults      the documented defaults
 * @param fromParameters the options record's {@code fromParameters}
 * @param factory       builds the lab from its options
 * @param <O>           the options record
 * @param <R>           the result record
 */
public record LabDescriptor<O extends LabOptions, R extends LabResult>(String name, String summary, String cost,
        Optional<String> rowsParameter, Supplier<O> defaults, Function<Map<String, String>, O> fromParameters,
        Function<O, ? extends Lab<R>> factory) {

    /** The parameter every lab has: {@code --seed}, and the tour's common seed. */
    public static final String SEED = "seed";
    /** What {@code --rows} is called in a parameter map when the lab's size parameter has another name. */
    public static final String ROWS = "rows";

    public LabDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(rowsParameter, "rowsParameter");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(fromParameters, "fromParameters");
        Objects.requireNonNull(factory, "factory");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("lab name '" + name + "' must be lower-case letters, digits and dashes");
        }
    }

    /** A lab with no cost note and no {@code --rows}; add them with {@link #withCost} and {@link #withRowsParameter}. */
    public static <O extends LabOptions, R extends LabResult> LabDescriptor<O, R> of(String name, String summary,
            Supplier<O> defaults, Function<Map<String, String>, O> fromParameters, Function<O, ? extends Lab<R>> factory) {
        return new LabDescriptor<>(name, summary, "", Optional.empty(), defaults, fromParameters, factory);
    }

    public LabDescriptor<O, R> withCost(String text) {
        return new LabDescriptor<>(name, summary, text, rowsParameter, defaults, fromParameters, factory);
    }

    public LabDescriptor<O, R> withRowsParameter(String parameter) {
        return new LabDescriptor<>(name, summary, cost, Optional.of(parameter), defaults, fromParameters, factory);
    }

    /** The lab's parameters, with their docs and defaults, in the options record's order. */
    public List<LabParameter> parameters() {
        return LabParameters.describe(defaults.get());
    }

    /**
     * Options from parameter text; parameters the map leaves out keep their defaults. {@code rows}
     * also names the parameter {@link #rowsParameter} gives (drift's {@code rowsPerWindow}), as
     * {@code --rows} does on the command line.
     */
    public O options(Map<String, String> parameters) {
        return fromParameters.apply(withRowsAlias(parameters));
    }

    private Map<String, String> withRowsAlias(Map<String, String> parameters) {
        String target = rowsParameter.orElse(ROWS);
        if (target.equals(ROWS) || !parameters.containsKey(ROWS)) {
            return parameters;
        }
        if (parameters.containsKey(target)) {
            throw new IllegalArgumentException("the " + name + " lab was given both " + ROWS + " and " + target
                    + ", which name the same parameter; give one");
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        parameters.forEach((k, v) -> renamed.put(k.equals(ROWS) ? target : k, v));
        return renamed;
    }

    /** Options from the tour's common settings: the seed, and the rows when given and the lab has a size. */
    public O options(LabSettings settings) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(SEED, Long.toString(settings.seed()));
        rowsParameter.ifPresent(p -> settings.rows().ifPresent(rows -> parameters.put(ROWS, Integer.toString(rows))));
        return options(parameters);
    }

    public Lab<R> create(O options) {
        return factory.apply(options);
    }

    /** The lab configured by parameter text (the CLI, a bundle task). */
    public Lab<R> create(Map<String, String> parameters) {
        return create(options(parameters));
    }

    /** The lab configured by the tour's common settings. */
    public Lab<R> create(LabSettings settings) {
        return create(options(settings));
    }
}
