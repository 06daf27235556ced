package dev.mlsandbox.drift.lab;

import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.report.Provenance;
import dev.mlsandbox.report.Report;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What the drift lab measured.
 *
 * @param options        the options it ran with
 * @param referenceAuc   the model's AUC on a fresh window from the reference distribution
 * @param sparkAgreement largest |P(churn)| difference between Spark's transform and the JVM scoring
 * @param coefficients   the Spark-trained coefficients (tenure, charges, device_age, basic, pro)
 * @param windows        one row per scenario and window
 * @param power          the KS power curve for a negligible shift
 * @param binning        PSI against the number of bins
 * @param disagreements  PSI versus KS cases
 * @param provenance     seed, sizes, versions, timing
 * @param mlflowRun      where the run was logged, or null when tracking is off
 */
public record DriftLabResult(DriftLabOptions options, double referenceAuc, double sparkAgreement, double[] coefficients,
                             List<WindowRow> windows, List<PowerPoint> power, List<BinningPoint> binning,
                             List<Disagreement> disagreements, Provenance provenance, MlflowRun mlflowRun)
        implements LabResult {

    /** One window of one scenario: input drift next to measured model quality. */
    public record WindowRow(String scenario, int window, double intensity, int rows, double churnRate, double auc,
                            double accuracy, List<String> driftedColumns, boolean datasetDrift, double maxKsD,
                            double maxPsi) {
    }

    /** KS on a negligible shift at sample size n (median of 3 repetitions). */
    public record PowerPoint(int n, double pValue, double ksD, boolean significant, boolean rigorousDrift) {
    }

    /** PSI for a 0.25-std shift and for no shift, with a given number of bins. */
    public record BinningPoint(int bins, double psiShift, double psiNoShift) {
    }

    /** A case where PSI and KS may disagree. */
    public record Disagreement(String name, String lesson, int n, int m, double ksD, double ksPValue, double psi,
                               boolean ksFlags, boolean psiFlags) {
    }

    /** Rows of one scenario. */
    public List<WindowRow> scenario(Scenario s) {
        return windows.stream().filter(w -> w.scenario().equals(s.id())).toList();
    }

    /** Mean of a window metric over the windows where the change is (not) active. */
    public double mean(Scenario s, boolean changed, ToDoubleFunction<WindowRow> f) {
        return scenario(s).stream().filter(w -> (w.intensity() > 0) == changed).mapToDouble(f).average().orElse(Double.NaN);
    }

    /** Windows flagged as dataset drift, among those where the change is (not) active. */
    public long flagged(Scenario s, boolean changed) {
        return scenario(s).stream().filter(w -> (w.intensity() > 0) == changed && w.datasetDrift()).count();
    }

    /** Windows of a scenario where the change is active. */
    public long changedWindows(Scenario s) {
        return scenario(s).stream().filter(w -> w.intensity() > 0).count();
    }

    @Override
    public Report report() {
        return DriftLabReport.build(this);
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DriftLabResult r && r.windows.equals(windows) && Arrays.equals(r.coefficients, coefficients)
                && r.power.equals(power) && r.binning.equals(binning) && r.disagreements.equals(disagreements);
    }

    @Override
    public int hashCode() {
        return windows.hashCode();
    }
}
