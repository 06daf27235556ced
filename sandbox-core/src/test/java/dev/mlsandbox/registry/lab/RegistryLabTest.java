package dev.mlsandbox.registry.lab;

import dev.mlsandbox.testing.TrackedLabs;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mlsandbox.report.Report;
import dev.mlsandbox.testing.CheckedProgress;

class RegistryLabTest {

    @Test
    void theLabWalksAliasesSignaturesGrantsPromotionAndRollback(@TempDir Path dir) throws Exception {
        CheckedProgress progress = new CheckedProgress();
        RegistryLabOptions options = RegistryLabOptions.defaults().withRows(400);
        RegistryLabResult r;
        try (TrackedLabs tracked = TrackedLabs.in(dir)) {
            r = new RegistryLab(options).run(tracked.context(progress));
            tracked.assertLogged(RegistryLab.NAME, options, r, r.mlflowRun());
        }
        progress.assertEveryTaskCompleted();

        assertEquals(List.of(false, true, true, true, false, false, false, false),
                r.signatureChecks().stream().map(RegistryLabResult.SignatureCheck::accepted).toList());
        r.signatureChecks().stream().filter(RegistryLabResult.SignatureCheck::accepted)
                .forEach(c -> assertTrue(c.scoredRows() > 0, c.name()));

        // the signature keeps the probability vector (MLflow >= 2.15), and the model's outputs fit it
        assertTrue(r.signatureOutputs().contains("{\"type\": \"sparkml_vector\", \"name\": \"probability\","
                + " \"required\": true}"), r.signatureOutputs());
        assertTrue(r.outputCheck().accepted() && r.outputCheck().scoredRows() == 50, r.outputCheck().toString());

        // the unsigned model, @latest and the stage transition are refused; the deleted v3 is not reused
        assertTrue(r.steps().get(1).outcome().contains("signature"), r.steps().get(1).outcome());
        assertTrue(r.steps().stream().anyMatch(s -> s.action().contains("@latest") && !s.ok()));
        assertTrue(r.steps().stream().anyMatch(s -> s.action().contains("stage") && !s.ok() && s.outcome().contains("alias")));
        assertTrue(r.steps().get(r.steps().size() - 1).outcome().contains("version 4"), r.steps().toString());

        List<RegistryLabResult.GovernanceStep> g = r.governance();
        assertTrue(g.stream().anyMatch(s -> !s.allowed() && s.error() != null && s.error().contains("USE SCHEMA")));
        assertTrue(g.stream().anyMatch(s -> !s.allowed() && s.error() != null && s.error().contains("EXECUTE on Function")));
        assertTrue(g.stream().anyMatch(s -> !s.allowed() && s.error() != null && s.error().contains("position")));
        RegistryLabResult.GovernanceStep granted = g.stream().filter(s -> s.action().contains("all three privileges"))
                .findFirst().orElseThrow();
        assertTrue(granted.allowed());
        assertNull(granted.error());
        RegistryLabResult.GovernanceStep revoked = g.stream().filter(s -> s.action().contains("after REVOKE")).findFirst()
                .orElseThrow();
        assertFalse(revoked.allowed());

        assertEquals(1L, r.promotion().championBefore());
        assertEquals(2L, r.promotion().challenger());
        assertTrue(r.promotion().passed());
        assertTrue(r.promotion().heldOutMetric() > r.promotion().championMetric());
        assertEquals(2L, r.promotion().championAfter());
        assertFalse(r.blocked().passed());
        assertEquals(2L, r.blocked().championAfter());
        assertEquals(1L, r.rollbackTo());

        Report report = r.report();
        @SuppressWarnings("unchecked")
        Map<String, Object> promotion = (Map<String, Object>) report.data().get("promotion");
        assertEquals(Map.of("championAfter", 1L, "championBefore", 2L), promotion.get("rollback"));
        assertEquals(8, ((List<?>) report.data().get("signatureChecks")).size());
    }
}
