package dev.mlsandbox.registry.signature;

/**
 * MLflow's {@code AnyType} ({@code {"type": "any"}}): any JSON value, None included. MLflow does
 * no validation at all for it, and neither does the sandbox.
 */
public record AnyType() implements FieldType {
    @Override
    public String mlflowName() {
        return "any";
    }

    @Override
    public String repr() {
        return "Any";
    }
}
