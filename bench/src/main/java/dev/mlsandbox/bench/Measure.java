package dev.mlsandbox.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.function.Supplier;

/** Timing and heap measurements shared by the benchmarks. */
public final class Measure {

    private Measure() {
    }

    /** The result of timing a piece of work several times. */
    public record Timing(String name, double[] seconds) {
        public double median() {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        public double min() {
            return Arrays.stream(seconds).min().orElse(Double.NaN);
        }

        @Override
        public String toString() {
            return String.format("%-34s median %8.3f s  min %8.3f s  (%d runs)", name, median(), min(), seconds.length);
        }
    }

    /** Runs {@code work} {@code warmups} times untimed, then {@code runs} times timed. */
    public static Timing time(String name, int warmups, int runs, Runnable work) {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return new Timing(name, seconds);
    }

    public static <T> T timed(String label, Supplier<T> work) {
        long start = System.nanoTime();
        T value = work.get();
        System.out.printf("%-34s %8.3f s%n", label, (System.nanoTime() - start) / 1e9);
        return value;
    }

    /** Resets the peak-usage counters of the heap pools. */
    public static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak usage since the last reset, in MiB (an upper bound of the live peak). */
    public static double peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    /** Heap in use after a full collection, in MiB: what the program really keeps alive. */
    public static double liveHeapMiB() {
        System.gc();
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() / (1024.0 * 1024.0);
    }

    public static void ratio(String label, double sandbox, double baseline, double goal) {
        double ratio = sandbox / baseline;
        System.out.printf("%-34s %8.2fx  (goal <= %.2fx: %s)%n", label, ratio, goal, ratio <= goal ? "met" : "NOT met");
    }
}
