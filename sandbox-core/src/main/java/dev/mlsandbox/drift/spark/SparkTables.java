package dev.mlsandbox.drift.spark;

import dev.mlsandbox.drift.DriftInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads a drift input file as a DataFrame: Parquet (file or directory) or CSV with a header. */
public final class SparkTables {
    private SparkTables() {
    }

    /** Whether a path should be read as Parquet: a .parquet name or a directory. */
    public static boolean isParquet(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet") || Files.isDirectory(path);
    }

    /** Reads the file; a missing or empty one is a {@link DriftInputException} naming it. */
    public static Dataset<Row> read(SparkSession spark, Path path, String role) {
        if (!Files.exists(path)) {
            throw new DriftInputException(role + " file " + path + " does not exist; check the path");
        }
        Dataset<Row> df;
        try {
            df = isParquet(path) ? spark.read().parquet(path.toString())
                    : spark.read().option("header", "true").option("inferSchema", "true").csv(path.toString());
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new DriftInputException("cannot read " + role + " file " + path + " as "
                    + (isParquet(path) ? "Parquet" : "CSV") + ": " + msg);
        }
        if (df.columns().length == 0) {
            throw new DriftInputException(role + " file " + path + " has no columns");
        }
        return df;
    }
}
