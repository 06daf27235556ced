/**
 * {@code bin/sandbox lab <name>}, generated from the lab catalog: one
 * {@link dev.mlsandbox.cli.labs.LabRunCommand} per lab, with the lab's parameters as options
 * ({@link dev.mlsandbox.cli.labs.LabCommands}). A new lab needs nothing here.
 */
package dev.mlsandbox.cli.labs;
