package dev.mlsandbox.testing;

import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.spark.SessionSettings;
import dev.mlsandbox.spark.SparkSessions;

/**
 * The one SparkSession of a test JVM. Tests share it and never stop it: starting Spark costs
 * seconds, and a suite that starts it per class spends most of its time doing so. The JVM's exit
 * ends it.
 */
public final class SharedSpark {

    private SharedSpark() {
    }

    public static SparkSession session() {
        return Holder.SESSION;
    }

    private static final class Holder {
        // local[2]: this machine has two cores, and two threads also exercise partitioning.
        static final SparkSession SESSION = SparkSessions.getOrCreate(
                SessionSettings.local().withMaster("local[2]").withAppName("mlops-sandbox-tests").withShufflePartitions(2));
    }
}
