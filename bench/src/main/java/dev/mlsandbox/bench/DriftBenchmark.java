package dev.mlsandbox.bench;

import dev.mlsandbox.drift.ColumnDrift;
import dev.mlsandbox.drift.DriftEngine;
import dev.mlsandbox.drift.DriftResult;
import dev.mlsandbox.drift.DriftTable;
import dev.mlsandbox.drift.NumericDrift;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench/run Drift [rows] [columns]}: all numeric drift metrics (KS with p-value, PSI, JS,
 * TV, L-infinity on 10 reference-quantile bins, Wasserstein raw and normalised) on 1,000,000 rows
 * x 5 columns, reference vs current, against two baselines measured in the same run:
 * <ol>
 *   <li>the lower bound: copying and sorting the same 10 arrays with the same 2 threads (every
 *       exact KS or Wasserstein needs the sorted samples);</li>
 *   <li>the Python peer: scipy + numpy doing the same work on the same data (written to a raw
 *       float64 file and read with numpy), with the {@code python3} on PATH, which needs numpy 2.x
 *       and scipy (Debian's own python3-numpy is older, and its sort several times slower, so it
 *       is not a fair peer); its numbers are also checked
 *       against ours.</li>
 * </ol>
 * Heap: peak heap pool usage during the engine run, and live heap holding the data.
 */
public final class DriftBenchmark {
    private DriftBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf("drift benchmark: %,d rows x %d numeric columns, reference vs current, %d threads%n",
                rows, cols, threads);
        double[][] ref = new double[cols][];
        double[][] cur = new double[cols][];
        Random rnd = new Random(42);
        for (int c = 0; c < cols; c++) {
            ref[c] = column(rnd, rows, c, 0.0);
            cur[c] = column(rnd, rows, c, 0.01 * c);
        }
        DriftTable.Builder rb = DriftTable.builder();
        DriftTable.Builder cb = DriftTable.builder();
        for (int c = 0; c < cols; c++) {
            rb.numeric("c" + c, ref[c]);
            cb.numeric("c" + c, cur[c]);
        }
        DriftTable rt = rb.build();
        DriftTable ct = cb.build();
        DriftEngine engine = DriftEngine.builder().threads(threads).build();
        double live = Measure.liveHeapMiB();

        // Alternate the two so machine noise hits both alike.
        int runs = 7;
        double[] sortSeconds = new double[runs];
        double[] engineSeconds = new double[runs];
        DriftResult result = null;
        double peak = 0;
        sortAll(ref, cur, threads);
        engine.compare(rt, ct);
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            sortAll(ref, cur, threads);
            sortSeconds[r] = (System.nanoTime() - t0) / 1e9;
            System.gc();
            Measure.resetPeakHeap();
            long t1 = System.nanoTime();
            result = engine.compare(rt, ct);
            engineSeconds[r] = (System.nanoTime() - t1) / 1e9;
            peak = Math.max(peak, Measure.peakHeapMiB());
        }
        Measure.Timing sort = new Measure.Timing("sort lower bound (copy+sort)", sortSeconds);
        Measure.Timing eng = new Measure.Timing("drift engine, all numeric metrics", engineSeconds);
        System.out.println(sort);
        System.out.println(eng);
        Measure.ratio("engine / sort lower bound", eng.median(), sort.median(), 1.5);
        System.out.printf("%-34s %8.1f MiB (data: %.1f MiB)%n", "live heap holding the data", live,
                2.0 * rows * cols * 8 / (1024 * 1024));
        System.out.printf("%-34s %8.1f MiB%n", "peak heap during an engine run", peak);
        for (ColumnDrift c : result.columns()) {
            NumericDrift n = (NumericDrift) c;
            System.out.printf("  %s: D=%.12f p=%.6e W=%.12f PSI=%.12f JS=%.12f%n", n.name(), n.ks().statistic(),
                    n.ks().pValue(), n.wasserstein(), n.psi(), n.jensenShannon());
        }
        scipyPeer(ref, cur, eng.median(), result);
    }

    /** Column c: 0 normal, 1 log-normal, 2 rounded (ties), 3 uniform, 4+ bimodal; current shifted a little. */
    static double[] column(Random rnd, int rows, int c, double shift) {
        double[] out = new double[rows];
        for (int k = 0; k < rows; k++) {
            double g = rnd.nextGaussian();
            out[k] = switch (c % 5) {
                case 0 -> g + shift;
                case 1 -> Math.exp(0.5 * g + shift);
                case 2 -> Math.rint((g + shift) * 100) / 100;
                case 3 -> rnd.nextDouble() + shift;
                default -> (rnd.nextBoolean() ? -2 : 2) + g + shift;
            };
        }
        return out;
    }

    static void sortAll(double[][] ref, double[][] cur, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<double[]>> fs = new ArrayList<>();
            for (double[][] side : new double[][][] {ref, cur}) {
                for (double[] col : side) {
                    fs.add(pool.submit(() -> {
                        double[] copy = Arrays.copyOf(col, col.length);
                        Arrays.sort(copy);
                        return copy;
                    }));
                }
            }
            for (Future<double[]> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static void scipyPeer(double[][] ref, double[][] cur, double engineSeconds, DriftResult ours) throws Exception {
        Path script = Path.of("bench", "drift_scipy.py").toAbsolutePath();
        ProcessBuilder check = new ProcessBuilder("python3", "-c", "import scipy, numpy").redirectErrorStream(true);
        if (!Files.exists(script) || check.start().waitFor() != 0) {
            System.out.println("scipy peer skipped: run bench/run from the repository root with a python3 on PATH "
                    + "that has numpy 2.x and scipy");
            return;
        }
        Path data = Files.createTempFile("drift-bench", ".f64");
        try {
            write(data, ref, cur);
            Process p = new ProcessBuilder("python3", script.toString(), data.toString(),
                    String.valueOf(ref.length), String.valueOf(ref[0].length)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                System.out.println("scipy peer failed:\n" + out);
                return;
            }
            System.out.print(out);
            double seconds = Double.NaN;
            for (String line : out.split("\n")) {
                if (line.startsWith("SECONDS ")) {
                    seconds = Double.parseDouble(line.substring(8).trim());
                }
                if (line.startsWith("COL ")) {
                    String[] f = line.split(" ");
                    NumericDrift n = (NumericDrift) ours.column(f[1]);
                    System.out.printf("  %s vs scipy: |dD|=%.1e  p rel=%.1e  |dW|=%.1e  |dPSI|=%.1e%n", f[1],
                            Math.abs(n.ks().statistic() - Double.parseDouble(f[2])),
                            n.ks().pValue() == Double.parseDouble(f[3]) ? 0.0 : Math.abs(n.ks().pValue() / Double.parseDouble(f[3]) - 1),
                            Math.abs(n.wasserstein() - Double.parseDouble(f[4])),
                            Math.abs(n.psi() - Double.parseDouble(f[5])));
                }
            }
            System.out.printf("%-34s %8.3f s%n", "scipy + numpy, same work", seconds);
            System.out.printf("%-34s %8.2fx faster%n", "engine vs scipy + numpy", seconds / engineSeconds);
        } finally {
            Files.deleteIfExists(data);
        }
    }

    /** Raw little-endian float64: all reference columns, then all current columns. */
    static void write(Path file, double[][] ref, double[][] cur) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (double[][] side : new double[][][] {ref, cur}) {
                for (double[] col : side) {
                    ByteBuffer buf = ByteBuffer.allocate(col.length * 8).order(ByteOrder.LITTLE_ENDIAN);
                    buf.asDoubleBuffer().put(col);
                    ch.write(buf);
                }
            }
        }
    }
}
