/**
 * The retraining lab ({@code bin/sandbox lab retraining}): every strategy family of
 * {@code dev.mlsandbox.retraining} with and without the validation gate on one seeded drifting
 * stream, a real registry as the audit trail, and a report of quality over time, cost against
 * quality, reaction delay and the retrains that made things worse.
 */
package dev.mlsandbox.retraining.lab;
