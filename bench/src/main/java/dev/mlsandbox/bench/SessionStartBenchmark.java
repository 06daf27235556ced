package dev.mlsandbox.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.spark.DeltaSupport;
import dev.mlsandbox.spark.SessionSettings;
import dev.mlsandbox.spark.SparkSessions;

/**
 * {@code bench/run SessionStart [runs]}: what Delta Lake's extension and catalog add to starting
 * the sandbox's SparkSession, the cost every lab, test JVM and notebook pays once.
 *
 * <p>Each run starts two fresh JVMs one after the other, alternating which goes first: one builds
 * the session as the sandbox does (Delta on), the other with {@code withDelta(false)}. Each child
 * times {@code getOrCreate} and then the first query (a count over {@code spark.range}), which is
 * when Spark builds the session state and so applies the extensions. The children get this JVM's
 * options ({@code BENCH_JAVA_OPTS} included), so {@code BENCH_JAVA_OPTS="$(grep -v '^#'
 * bin/batch-jvm-options)"} measures them under the launcher's batch settings.
 */
public final class SessionStartBenchmark {

    private static final String CHILD = "--child";

    private SessionStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals(CHILD)) {
            child(Boolean.parseBoolean(args[1]));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf("session start benchmark: %d runs of two fresh JVMs each (Delta on / off, alternating order), %s%n",
                runs, System.getProperty("java.version"));
        double[][] delta = new double[runs][];
        double[][] plain = new double[runs][];
        for (int r = 0; r < runs; r++) {
            boolean deltaFirst = r % 2 == 0;
            double[] first = runChild(deltaFirst);
            double[] second = runChild(!deltaFirst);
            delta[r] = deltaFirst ? first : second;
            plain[r] = deltaFirst ? second : first;
            System.out.printf("run %d: delta getOrCreate %.2f s + first query %.2f s, jvm %.2f s | plain %.2f s + %.2f s, jvm %.2f s%n",
                    r + 1, delta[r][0], delta[r][1], delta[r][2], plain[r][0], plain[r][1], plain[r][2]);
        }
        String[] names = {"getOrCreate", "first query", "whole child JVM"};
        for (int i = 0; i < names.length; i++) {
            double d = median(delta, i);
            double p = median(plain, i);
            System.out.printf("%-16s median: Delta %.2f s, without %.2f s, difference %+.2f s (ratio %.2f)%n",
                    names[i], d, p, d - p, d / p);
        }
    }

    private static double[] runChild(boolean delta) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SessionStartBenchmark.class.getName(),
                CHILD, String.valueOf(delta)));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("child JVM failed:\n" + output);
        }
        double jvm = (System.nanoTime() - start) / 1e9;
        String line = output.lines().filter(l -> l.startsWith("times ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("child printed no times:\n" + output));
        String[] parts = line.split(" ");
        return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), jvm};
    }

    private static void child(boolean delta) {
        long t0 = System.nanoTime();
        SparkSession spark = SparkSessions.getOrCreate(SessionSettings.local().withDelta(delta));
        long t1 = System.nanoTime();
        long count = spark.range(1000).filter("id % 2 = 0").count();
        long t2 = System.nanoTime();
        if (count != 500 || DeltaSupport.enabled(spark) != delta) {
            throw new IllegalStateException("unexpected session: count " + count + ", delta " + DeltaSupport.enabled(spark));
        }
        System.out.printf("times %.4f %.4f%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        spark.stop();
    }

    private static double median(double[][] rows, int column) {
        double[] values = Arrays.stream(rows).mapToDouble(r -> r[column]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
