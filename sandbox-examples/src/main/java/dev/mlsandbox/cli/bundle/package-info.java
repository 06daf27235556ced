/**
 * {@code bin/sandbox bundle ...}: the Databricks CLI's bundle commands against the sandbox
 * (validate, summary, deploy, run, destroy), printing what the Databricks CLI prints.
 */
package dev.mlsandbox.cli.bundle;
