/**
 * The tracking lab ({@code bin/sandbox lab tracking}): experiments per team, tagged runs,
 * programmatic comparison with the MLflow Java client (filter, order by a metric, paginate) and
 * the failure modes learners meet (re-logging a param, a missing key never matching, a batch
 * over the limit), all against an embedded tracking server.
 */
package dev.mlsandbox.tracking.lab;
