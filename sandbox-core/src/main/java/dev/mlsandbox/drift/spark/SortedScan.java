package dev.mlsandbox.drift.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import dev.mlsandbox.drift.Ecdf;
import dev.mlsandbox.drift.GapExtreme;

/**
 * Exact KS statistic and Wasserstein-1 of one numeric column from a distributed sort.
 *
 * <p>The pooled values (tagged reference or current) are sorted with Spark's range partitioning,
 * which keeps equal values in one partition and the partitions in order. Pass 1 counts reference
 * and current values per partition; the driver turns the counts into offsets (how many of each
 * came before the partition). Pass 2 walks every partition once with its offsets: the integer
 * n*m*(F_ref - F_cur) at the end of each tie block gives D exactly, and |F_ref - F_cur| times the
 * gap to the next distinct value gives Wasserstein; the gap that crosses a partition boundary is
 * added by the driver.
 */
final class SortedScan {
    private SortedScan() {
    }

    /**
     * D as the integer max |i*m - j*n|, where it occurs and its sign (as scipy's), Wasserstein, the
     * sizes, and both ECDFs at each sample's quantiles and at D's location (the in-JVM engine's points).
     */
    record Result(long dInt, int sign, double wasserstein, long n, long m, Ecdf ecdf) {
        double statistic() {
            return n == 0 || m == 0 ? 0.0 : (double) dInt / ((double) n * m);
        }

        /** Where D occurs: the ECDF's point of largest difference (NaN when a side is empty). */
        double location() {
            return ecdf.dAt();
        }
    }

    /** Per-partition summary of pass 1. */
    record Counts(int partition, long ref, long cur, double first, double last) implements Serializable {
    }

    /** Per-partition summary of pass 2. */
    record Walk(int partition, long max, long min, GapExtreme highest, GapExtreme lowest, double wasserstein,
                long lastDiff, double last, List<Ecdf.Point> points) implements Serializable {
    }

    /** @param pooled rows (double v, boolean ref) without nulls or NaN */
    static Result run(Dataset<Row> pooled) {
        // Cache the sorted Dataset (compressed columnar blocks, spilled to disk when the heap is short)
        // rather than an RDD of deserialized Rows: both passes must see the same partitions.
        Dataset<Row> sortedDs = pooled.orderBy("v").persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<Row> sorted = sortedDs.javaRDD();
        try {
            List<Counts> counts = new ArrayList<>(sorted.mapPartitionsWithIndex(SortedScan::count, true).collect());
            counts.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            long n = 0;
            long m = 0;
            for (Counts c : counts) {
                n += c.ref();
                m += c.cur();
            }
            int parts = sorted.getNumPartitions();
            long[] refBefore = new long[parts];
            long[] curBefore = new long[parts];
            long r = 0;
            long c = 0;
            for (Counts k : counts) {
                refBefore[k.partition()] = r;
                curBefore[k.partition()] = c;
                r += k.ref();
                c += k.cur();
            }
            final long fn = n;
            final long fm = m;
            // The ECDF chart's points: each sample's quantile ranks, as the in-JVM engine reads them.
            long[] refRanks = Ecdf.quantileRanks(Ecdf.DEFAULT_POINTS, n);
            long[] curRanks = Ecdf.quantileRanks(Ecdf.DEFAULT_POINTS, m);
            List<Walk> walks = new ArrayList<>(sorted.mapPartitionsWithIndex(
                    (Integer p, Iterator<Row> it) -> walk(p, it, refBefore[p], curBefore[p], fn, fm, refRanks, curRanks),
                    true).collect());
            walks.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            long max = 0;
            long min = 0;
            GapExtreme highest = new GapExtreme(1);
            GapExtreme lowest = new GapExtreme(-1);
            List<Ecdf.Point> points = new ArrayList<>();
            double w = 0;
            Walk prev = null;
            for (Walk k : walks) {
                if (k.partition() < 0) {
                    continue;
                }
                if (prev != null) {
                    // Gap between the previous partition's last value and this one's first value.
                    double first = counts.get(k.partition()).first();
                    w += Math.abs(prev.lastDiff() / ((double) fn * fm)) * (first - prev.last());
                }
                max = Math.max(max, k.max());
                min = Math.min(min, k.min());
                highest.mergeLater(k.highest());
                lowest.mergeLater(k.lowest());
                points.addAll(k.points());
                w += k.wasserstein();
                prev = k;
            }
            if (n == 0 || m == 0) {
                return new Result(Math.max(max, -min), 0, w, n, m, Ecdf.NONE);
            }
            GapExtreme at = GapExtreme.chosen(highest, lowest);
            points.add(new Ecdf.Point(at.at(), at.refAtOrBelow(), at.curAtOrBelow()));
            return new Result(Math.max(max, -min), at.direction(), w, n, m, Ecdf.ofCounts(points, n, m, at.at()));
        } finally {
            sortedDs.unpersist(false);
        }
    }

    private static Iterator<Counts> count(Integer p, Iterator<Row> it) {
        long ref = 0;
        long cur = 0;
        double first = Double.NaN;
        double last = Double.NaN;
        while (it.hasNext()) {
            Row row = it.next();
            double v = row.getDouble(0);
            if (ref + cur == 0) {
                first = v;
            }
            last = v;
            if (row.getBoolean(1)) {
                ref++;
            } else {
                cur++;
            }
        }
        return List.of(new Counts(p, ref, cur, first, last)).iterator();
    }

    /**
     * Pass 2 over one partition. A tie block that contains a quantile rank of either sample becomes an
     * ECDF point, with the counts at its end.
     */
    private static Iterator<Walk> walk(int p, Iterator<Row> it, long i0, long j0, long n, long m, long[] refRanks,
                                       long[] curRanks) {
        long i = i0;
        long j = j0;
        RankCursor refCursor = new RankCursor(refRanks, i0);
        RankCursor curCursor = new RankCursor(curRanks, j0);
        BlockEnds ends = new BlockEnds(n, m);
        double w = 0;
        double nm = (double) n * m;
        boolean any = false;
        boolean blockInRef = false;
        boolean blockIsPoint = false;
        double current = Double.NaN;
        while (it.hasNext()) {
            Row row = it.next();
            double v = row.getDouble(0);
            if (any && v != current) {
                // The tie block of 'current' is complete: evaluate there, then the gap to v.
                long diff = ends.end(current, blockInRef, blockIsPoint, i, j);
                w += Math.abs(diff / nm) * (v - current);
                blockInRef = false;
                blockIsPoint = false;
            }
            current = v;
            any = true;
            // This row is its sample's value of rank i (or j), 0-based, in the sorted order.
            if (row.getBoolean(1)) {
                blockIsPoint |= refCursor.hit(i);
                i++;
                blockInRef = true;
            } else {
                blockIsPoint |= curCursor.hit(j);
                j++;
            }
        }
        if (!any) {
            return List.of(new Walk(-1, 0, 0, ends.highest, ends.lowest, 0, 0, Double.NaN, List.of())).iterator();
        }
        long diff = ends.end(current, blockInRef, blockIsPoint, i, j);
        return List.of(new Walk(p, ends.max, ends.min, ends.highest, ends.lowest, w, diff, current, ends.points))
                .iterator();
    }

    /** One sample's quantile ranks, passed in step with the sorted rows of a partition. */
    private static final class RankCursor {
        private final long[] ranks;
        private int next;

        /** @param first the sample's first rank in this partition: the ranks below it belong to earlier ones */
        RankCursor(long[] ranks, long first) {
            this.ranks = ranks;
            while (next < ranks.length && ranks[next] < first) {
                next++;
            }
        }

        /** Whether the row of this rank is one of the quantiles (several may share a rank in a small sample). */
        boolean hit(long rank) {
            boolean hit = false;
            while (next < ranks.length && ranks[next] == rank) {
                next++;
                hit = true;
            }
            return hit;
        }
    }

    /** What pass 2 keeps of each completed tie block: the extreme gaps, where they are, the ECDF points. */
    private static final class BlockEnds {
        private final long n;
        private final long m;
        long max;
        long min;
        final GapExtreme highest = new GapExtreme(1);
        final GapExtreme lowest = new GapExtreme(-1);
        final List<Ecdf.Point> points = new ArrayList<>();

        BlockEnds(long n, long m) {
            this.n = n;
            this.m = m;
        }

        /** The block of {@code value} ends with i and j values at or below it; returns n m (F_ref - F_cur) there. */
        long end(double value, boolean inRef, boolean isPoint, long i, long j) {
            long diff = i * m - j * n;
            max = Math.max(max, diff);
            min = Math.min(min, diff);
            highest.offer(value, inRef, i, j, n, m);
            lowest.offer(value, inRef, i, j, n, m);
            if (isPoint) {
                points.add(new Ecdf.Point(value, i, j));
            }
            return diff;
        }
    }
}
