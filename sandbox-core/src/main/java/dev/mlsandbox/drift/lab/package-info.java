/**
 * The drift lab ({@code bin/sandbox lab drift}): a seeded simulator of a churn-like stream over
 * time windows (covariate shift, prior shift, concept drift; sudden and gradual), a model trained
 * in Spark, and per-window drift metrics next to the model's measured quality; plus the KS power
 * curve, PSI versus binning, and cases where PSI and KS disagree.
 */
package dev.mlsandbox.drift.lab;
