package dev.mlsandbox.retraining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import dev.mlsandbox.drift.CategoryBins;
import dev.mlsandbox.drift.ColumnDrift;
import dev.mlsandbox.drift.DataColumn;
import dev.mlsandbox.drift.Distances;
import dev.mlsandbox.drift.DriftBins;
import dev.mlsandbox.drift.DriftEngine;
import dev.mlsandbox.drift.DriftResult;
import dev.mlsandbox.drift.DriftTable;
import dev.mlsandbox.drift.NumericDrift;
import dev.mlsandbox.drift.QuantileBins;
import dev.mlsandbox.drift.lab.ChurnStream;

/**
 * A drift table computed by the drift engine: each window's inputs against a baseline (the data
 * the serving model was trained on), with bins fitted once on the baseline, which is what a
 * monitor with a baseline table writes with {@code drift_type = BASELINE}. {@link #rebase} points it
 * at a new baseline when a new model starts serving, as one would update the monitor's
 * {@code baseline_table_name}.
 *
 * <p>PSI is always computed (the engine's bins and formula). The KS columns are filled only when
 * asked for: the engine's exact KS p-value for a few thousand rows per side cost more than
 * everything else in the drift table (a sixth of the lab's CPU when it was always on), and the
 * default rule reads PSI only. Without KS they are NaN, as the monitor's table leaves a metric that
 * does not apply NULL.
 */
public final class EngineDriftMetrics implements DriftMetricsTable {

    private final DriftEngine engine;
    private final IntFunction<StreamWindow> windows;
    private final boolean ks;
    private DriftTable baseline;
    private DriftBins bins;
    private final Map<String, double[]> baselineShares = new HashMap<>();
    private final Map<Integer, List<DriftRow>> rows = new HashMap<>();

    /**
     * @param windows the stream's windows by index (the inputs as the pipeline sees them)
     * @param ks      whether to run the engine's KS test too (its statistic and p-value)
     */
    public EngineDriftMetrics(DriftEngine engine, IntFunction<StreamWindow> windows, List<StreamWindow> baseline,
                              boolean ks) {
        this.engine = engine;
        this.windows = windows;
        this.ks = ks;
        rebase(baseline);
    }

    /** Compares later windows with these windows' inputs. */
    public void rebase(List<StreamWindow> newBaseline) {
        if (newBaseline.isEmpty()) {
            throw new IllegalArgumentException("a drift baseline needs at least one window");
        }
        baseline = table(newBaseline);
        bins = engine.fit(baseline);
        baselineShares.clear();
        for (DataColumn c : baseline.columns()) {
            baselineShares.put(c.name(), shares(c));
        }
        rows.clear();
    }

    @Override
    public List<DriftRow> rows(int window) {
        return rows.computeIfAbsent(window, w -> ks ? withKs(w) : psiOnly(w));
    }

    private List<DriftRow> psiOnly(int w) {
        List<DriftRow> out = new ArrayList<>();
        for (DataColumn c : table(List.of(windows.apply(w))).columns()) {
            double psi = Distances.psi(baselineShares.get(c.name()), shares(c), engine.psiFloor());
            out.add(new DriftRow(w, c.name(), psi, Double.NaN, Double.NaN));
        }
        return List.copyOf(out);
    }

    private List<DriftRow> withKs(int w) {
        DriftResult result = engine.compare(baseline, table(List.of(windows.apply(w))), bins);
        List<DriftRow> out = new ArrayList<>();
        for (ColumnDrift c : result.columns()) {
            if (c instanceof NumericDrift n) {
                out.add(new DriftRow(w, c.name(), c.psi(), n.ks().statistic(), n.ks().pValue()));
            } else {
                out.add(new DriftRow(w, c.name(), c.psi(), Double.NaN, Double.NaN));
            }
        }
        return List.copyOf(out);
    }

    /** The column's share per bin of the baseline's bins. */
    private double[] shares(DataColumn c) {
        if (c instanceof DataColumn.Numeric n) {
            QuantileBins q = bins.numeric(c.name()).orElseThrow();
            double[] sorted = n.values().clone();
            Arrays.sort(sorted);
            return Distances.proportions(q.countSorted(sorted));
        }
        CategoryBins k = bins.categorical(c.name()).orElseThrow();
        return Distances.proportions(k.count(((DataColumn.Categorical) c).values()));
    }

    /** The inputs of the windows, one drift-table column per model input. */
    static DriftTable table(List<StreamWindow> ws) {
        int n = ws.stream().mapToInt(StreamWindow::size).sum();
        double[] tenure = new double[n];
        double[] charges = new double[n];
        double[] device = new double[n];
        String[] plan = new String[n];
        int at = 0;
        for (StreamWindow sw : ws) {
            ChurnStream.Window w = sw.observed();
            System.arraycopy(w.tenure(), 0, tenure, at, w.size());
            System.arraycopy(w.charges(), 0, charges, at, w.size());
            System.arraycopy(w.deviceAge(), 0, device, at, w.size());
            System.arraycopy(w.plan(), 0, plan, at, w.size());
            at += w.size();
        }
        return DriftTable.builder().numeric("tenure", tenure).numeric("charges", charges).numeric("device_age", device)
                .categorical("plan", plan).build();
    }
}
