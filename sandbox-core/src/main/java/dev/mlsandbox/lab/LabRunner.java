package dev.mlsandbox.lab;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A lab bound to a session, for notebooks: {@code sandbox.pipelineLab().run()} or
 * {@code .run(options)}.
 *
 * @param <O> the lab's options record
 * @param <R> the lab's result
 */
public final class LabRunner<O extends LabOptions, R extends LabResult> {

    private final Supplier<LabContext> context;
    private final LabDescriptor<O, R> descriptor;

    public LabRunner(Supplier<LabContext> context, LabDescriptor<O, R> descriptor) {
        this.context = context;
        this.descriptor = descriptor;
    }

    /** The lab's documented defaults, to adjust with the options record's {@code with...} methods. */
    public O defaults() {
        return descriptor.defaults().get();
    }

    /** The lab's name, summary, parameters (with their docs) and cost. */
    public LabDescriptor<O, R> descriptor() {
        return descriptor;
    }

    public R run() {
        return run(defaults());
    }

    public R run(O options) {
        return descriptor.create(options).run(context.get());
    }

    /** Runs with parameter text, as a bundle task or the CLI gives it: {@code run(Map.of("rows", "800"))}. */
    public R run(Map<String, String> parameters) {
        return run(descriptor.options(parameters));
    }
}
