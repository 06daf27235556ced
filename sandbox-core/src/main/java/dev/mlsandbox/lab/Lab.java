package dev.mlsandbox.lab;

/**
 * A runnable lesson: configured at construction by an options record, run against a session.
 *
 * @param <R> the lab's result type
 */
public interface Lab<R extends LabResult> {

    /** Short name, also the report's directory: {@code pipeline}, {@code tuning}, ... */
    String name();

    R run(LabContext context);
}
