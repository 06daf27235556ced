/**
 * The registry lab ({@code bin/sandbox lab registry}): two churn pipelines registered under a
 * Unity Catalog name on an embedded server with {@code --auth}, aliases, the eight signature
 * cases, grants and their refusals, a promotion the gate passes, one it stops, and a rollback.
 */
package dev.mlsandbox.registry.lab;
