/**
 * {@code bundle deploy} and {@code bundle destroy} against a sandbox server: a
 * {@link dev.mlsandbox.bundle.deploy.ResourceDeployer} per resource type (experiments,
 * registered models with grants and aliases, jobs kept in the deployment state; serving endpoints
 * and quality monitors refused with "not supported yet" until their deployers exist), checks
 * before any change, undo on failure, and the per-target
 * {@link dev.mlsandbox.bundle.deploy.DeploymentState} under {@code .databricks/bundle/<target>/}.
 */
package dev.mlsandbox.bundle.deploy;
