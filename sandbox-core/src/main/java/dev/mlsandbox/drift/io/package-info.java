/**
 * Reading drift inputs from files: CSV (parsed here column by column, typed by content) and
 * Parquet (through Spark). A CSV file is scanned in chunks on all cores and each cell parsed from
 * the file's bytes into its column ({@link dev.mlsandbox.drift.io.CsvTable}): numbers go straight
 * into a {@code double[]}, only categorical cells become Strings. Bad input becomes a
 * {@link dev.mlsandbox.drift.DriftInputException} whose message names the file, the line or column,
 * and the fix.
 */
package dev.mlsandbox.drift.io;
