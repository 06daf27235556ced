package dev.mlsandbox.lab;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A lab bound to a session, for notebooks: {@code sandbox.pipeline().run()} or
 * {@code .run(options)}.
 *
 * @param <O> the lab's options record
 * @param <R> the lab's result
 */
public final class LabRunner<O, R extends LabResult> {

    private final Supplier<LabContext> context;
    private final Function<O, ? extends Lab<R>> factory;
    private final Supplier<O> defaults;

    public LabRunner(Supplier<LabContext> context, Function<O, ? extends Lab<R>> factory, Supplier<O> defaults) {
        this.context = context;
        this.factory = factory;
        this.defaults = defaults;
    }

    /** The lab's documented defaults, to adjust with the options record's {@code with...} methods. */
    public O defaults() {
        return defaults.get();
    }

    public R run() {
        return run(defaults.get());
    }

    public R run(O options) {
        return factory.apply(options).run(context.get());
    }
}
