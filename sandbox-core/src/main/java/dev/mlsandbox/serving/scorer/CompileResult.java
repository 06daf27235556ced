package dev.mlsandbox.serving.scorer;

import java.util.Optional;

/**
 * The outcome of compiling a pipeline: the scorer when every stage compiled, and the report either way.
 */
public record CompileResult(CompiledScorer compiled, CompileReport report) {

    public Optional<CompiledScorer> scorer() {
        return Optional.ofNullable(compiled);
    }
}
