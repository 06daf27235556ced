/**
 * From configuration to a bundle for one target: the current user and workspace paths,
 * variables in the CLI's precedence, {@code ${...}} references, development and production mode,
 * presets, and the checks {@code bundle validate} runs.
 */
package dev.mlsandbox.bundle.resolve;
