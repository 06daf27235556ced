/**
 * The Pipeline lab ({@code bin/sandbox lab pipeline}, {@code sandbox.pipelineLab()}).
 *
 * <p>{@link dev.mlsandbox.pipeline.lab.PipelineLab} fits both churn pipelines on the synthetic
 * churn table, traces their stages and runs the probes of {@link dev.mlsandbox.pipeline};
 * {@link dev.mlsandbox.pipeline.lab.PipelineLabOptions} holds its parameters,
 * {@link dev.mlsandbox.pipeline.lab.PipelineLabResult} what it measured, and
 * {@code PipelineLabReport} builds the report from the result.
 */
package dev.mlsandbox.pipeline.lab;
