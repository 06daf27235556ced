/**
 * The typed bundle after resolution: jobs with their task graph, experiments, registered models
 * with grants and aliases, and the resources kept as written for their deployers (serving
 * endpoints, quality monitors). Immutable records that remember where they were written.
 */
package dev.mlsandbox.bundle.model;
