/**
 * One command per lab under {@code bin/sandbox lab}. A lab without options of its own runs
 * through {@link dev.mlsandbox.cli.labs.GenericLabCommand}; a lab with its own flags (such as
 * {@code --folds}) has a class here, registered in {@link dev.mlsandbox.cli.labs.LabCommands}.
 */
package dev.mlsandbox.cli.labs;
