/**
 * The model registry, Unity Catalog style: three-level model names, immutable versions numbered
 * max+1 (a deleted number is never reused), mutable aliases ({@code @champion}), the signature
 * requirement, and the workspace-registry mode (one-level names, stages) for comparison.
 * {@link dev.mlsandbox.registry.Registry} is the Java client for the registry REST API and
 * {@link dev.mlsandbox.registry.ChampionChallenger} the promotion helper. Sub-packages:
 * {@code signature} (signatures and schema enforcement), {@code model} (MLflow model
 * directories), {@code server} (the REST endpoints on the tracking server).
 */
package dev.mlsandbox.registry;
