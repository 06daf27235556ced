package dev.mlsandbox.registry.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.report.Provenance;
import dev.mlsandbox.report.Report;

/**
 * What the registry lab observed.
 *
 * @param options         the options it ran with
 * @param model           the registered model
 * @param serverUri       the embedded server the lab used
 * @param signatureInputs the v2 signature's inputs, as MLflow's JSON
 * @param signatureOutputs the v2 signature's outputs, as MLflow's JSON: {@code prediction} and the
 *                        {@code probability} vector ({@code sparkml_vector})
 * @param outputCheck     the v2 model's scored {@code prediction} and {@code probability} columns
 *                        checked against those outputs
 * @param steps           registry rules exercised (alias moves, refusals) in order
 * @param signatureChecks the eight enforcement cases
 * @param governance      statements and access attempts, in order
 * @param promotion       the promotion the gate passed
 * @param blocked         the promotion the gate stopped
 * @param rollbackTo      the version @champion points at after the rollback
 * @param trainAuc        AUC of each pipeline on its training rows (for contrast with held-out AUC)
 * @param provenance      versions, seed, sizes, timings
 * @param mlflowRun       where the run was logged, or null when tracking is off
 */
public record RegistryLabResult(RegistryLabOptions options, String model, String serverUri, String signatureInputs,
                                String signatureOutputs, SignatureCheck outputCheck, List<Step> steps,
                                List<SignatureCheck> signatureChecks, List<GovernanceStep> governance, Gate promotion,
                                Gate blocked, long rollbackFrom, long rollbackTo, Map<String, Double> trainAuc,
                                long trainRows, long heldOutRows, Provenance provenance,
                                MlflowRun mlflowRun) implements LabResult {

    /** One registry action and what the server answered. */
    public record Step(String action, boolean ok, String outcome) {
    }

    /** One schema-enforcement case. */
    public record SignatureCheck(String name, String description, boolean accepted, String message, long scoredRows) {
    }

    /** A statement or an access attempt by a principal. */
    public record GovernanceStep(String statement, String principal, String action, boolean allowed, String error) {
    }

    /** A promotion attempt. */
    public record Gate(Long championBefore, long challenger, double heldOutMetric, double championMetric, boolean passed,
                       long championAfter, String reason) {
    }

    public RegistryLabResult {
        steps = List.copyOf(steps);
        signatureChecks = List.copyOf(signatureChecks);
        governance = List.copyOf(governance);
        trainAuc = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trainAuc));
    }

    @Override
    public Report report() {
        return RegistryLabReport.build(this);
    }
}
