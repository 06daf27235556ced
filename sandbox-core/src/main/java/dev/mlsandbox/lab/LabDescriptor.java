package dev.mlsandbox.lab;

import java.util.Objects;
import java.util.function.Function;

/**
 * A lab as the tour and the CLI list it.
 *
 * @param name    short name ({@code bin/sandbox lab <name>}), also the report's directory
 * @param summary one line saying what it shows
 * @param factory builds the lab from the common settings, with the lab's defaults for the rest
 */
public record LabDescriptor(String name, String summary, Function<LabSettings, ? extends Lab<?>> factory) {
    public LabDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(factory, "factory");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("lab name '" + name + "' must be lower-case letters, digits and dashes");
        }
    }

    public Lab<?> create(LabSettings settings) {
        return factory.apply(settings);
    }
}
