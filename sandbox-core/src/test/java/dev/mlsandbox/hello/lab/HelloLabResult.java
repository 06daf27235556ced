package dev.mlsandbox.hello.lab;

import java.util.List;

import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.report.Provenance;
import dev.mlsandbox.report.Report;

/**
 * What the hello lab measured.
 *
 * @param options    the options it ran with
 * @param mean       the mean of the draws (0.5 expected)
 * @param counts     draws per bucket, lowest bucket first
 * @param provenance versions, seed, rows, timing
 * @param mlflowRun  where the run was logged, or null when tracking is off
 */
public record HelloLabResult(HelloLabOptions options, double mean, List<Long> counts, Provenance provenance,
                             MlflowRun mlflowRun) implements LabResult {

    public HelloLabResult {
        counts = List.copyOf(counts);
    }

    @Override
    public Report report() {
        return HelloLabReport.build(this);
    }
}
