/**
 * Reading drift inputs from files: CSV (parsed here, typed by content) and Parquet (through Spark).
 * Bad input becomes a {@link dev.mlsandbox.drift.DriftInputException} whose message names the file,
 * the line or column, and the fix.
 */
package dev.mlsandbox.drift.io;
