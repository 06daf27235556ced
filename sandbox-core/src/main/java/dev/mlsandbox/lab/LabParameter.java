package dev.mlsandbox.lab;

import java.util.Objects;

/**
 * One parameter of a lab, as {@code --help} and the docs show it.
 *
 * @param name         the options record's component name ({@code trainRatio}); the CLI spells it
 *                     {@code --train-ratio}
 * @param label        the value's placeholder ({@code N}, {@code X}, {@code K}); empty for a flag
 * @param doc          what it does and its rule, from {@link Parameter}
 * @param defaultValue the default, as parameter text
 * @param flag         whether it is a boolean (the CLI gives it {@code --x} and {@code --no-x})
 */
public record LabParameter(String name, String label, String doc, String defaultValue, boolean flag) {

    public LabParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }

    /** The command-line spelling: {@code trainRatio} as {@code --train-ratio}. */
    public String option() {
        return "--" + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
