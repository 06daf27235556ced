/**
 * Declarative Automation Bundles (Databricks Asset Bundles): {@code databricks.yml} validated,
 * deployed to the sandbox server and run, the way the Databricks CLI's {@code bundle} commands do
 * it. {@link dev.mlsandbox.bundle.BundleLoader} loads a bundle for a target (what
 * {@code bundle validate} prints is in {@link dev.mlsandbox.bundle.LoadedBundle}); nothing here
 * starts Spark until a job runs. Sub-packages, in the order a bundle goes through them:
 * {@code config} (files, positions, schema, includes, targets), {@code resolve} (variables,
 * {@code ${...}} references, target modes and presets, checks), {@code model} (the typed bundle),
 * {@code deploy} (deployment state and resources on the server), {@code run} (a job's task graph,
 * run locally). Where the sandbox differs from the CLI, the class says so; docs/cicd.md collects it.
 */
package dev.mlsandbox.bundle;
