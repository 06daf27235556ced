/**
 * Benchmarks: mains that run the sandbox and a baseline (bare Spark, the raw library, a sort
 * lower bound) in one run and print the ratio. Run them with {@code bench/run <Name>}; the
 * results table lives in docs/benchmarks.md. {@link dev.mlsandbox.bench.Measure} holds the
 * shared timing and heap helpers.
 */
package dev.mlsandbox.bench;
