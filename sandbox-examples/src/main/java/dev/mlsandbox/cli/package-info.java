/**
 * The command line behind {@code bin/sandbox}: picocli commands that run the labs, the tour and
 * the examples. Results (report paths) go to stdout, progress and errors to stderr; a failure
 * exits non-zero with a one-line reason.
 */
package dev.mlsandbox.cli;
