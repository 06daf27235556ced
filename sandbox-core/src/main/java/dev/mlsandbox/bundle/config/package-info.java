/**
 * Reading bundle configuration: YAML into a {@link dev.mlsandbox.bundle.config.Value} tree that
 * keeps each line and column, the schema the sandbox knows
 * ({@link dev.mlsandbox.bundle.config.BundleSchema}), normalization with the CLI's warnings,
 * {@code include} globs, target selection and overrides, and
 * {@link dev.mlsandbox.bundle.config.Diagnostic}s rendered the CLI's way
 * ({@code Warning: unknown field: x / at path / in file:line:column}).
 */
package dev.mlsandbox.bundle.config;
