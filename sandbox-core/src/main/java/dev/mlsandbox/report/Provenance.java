package dev.mlsandbox.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a result came from, so a run can be repeated and compared.
 *
 * @param sandboxVersion version of MLOps Sandbox
 * @param sparkVersion   version of the running Spark
 * @param scalaVersion   Scala library version on the classpath
 * @param javaVersion    the JVM's version
 * @param master         the Spark master URL the run used
 * @param seed           the seed of every source of randomness in the run
 * @param rows           the size of the main data set
 * @param startedAt      ISO-8601 instant the run started
 * @param seconds        wall time of the whole run
 * @param parameters     the lab's options, as text
 */
public record Provenance(String sandboxVersion, String sparkVersion, String scalaVersion, String javaVersion,
                         String master, long seed, long rows, String startedAt, double seconds,
                         Map<String, String> parameters) {
    public Provenance {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
