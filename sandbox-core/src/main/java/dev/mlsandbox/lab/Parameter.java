package dev.mlsandbox.lab;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one component of a lab's options record: the component is a parameter of the lab,
 * named as the component, and this text is what {@code bin/sandbox lab <name> --help} shows for it
 * (followed by the default). Say what the parameter does, its rule, and why the default is what
 * it is, as Spark ML's {@code Param} docs do.
 *
 * <pre>{@code
 * public record FooLabOptions(
 *         @Parameter("seed of the data and the model") long seed,
 *         @Parameter(value = "rows of the churn table, at least 100", label = "N") int rows) implements LabOptions {
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Parameter {

    /** What the parameter does and its rule, one or two sentences, without the default. */
    String value();

    /** The value's placeholder in {@code --help} ({@code K}, {@code RATIO}, ...); empty: derived from the type. */
    String label() default "";
}
