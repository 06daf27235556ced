package dev.mlsandbox.registry.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.report.BarChart;
import dev.mlsandbox.report.Format;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.Section;
import dev.mlsandbox.report.Table;

/** Renders a {@link RegistryLabResult} into the report model; computes nothing new. */
final class RegistryLabReport {

    private RegistryLabReport() {
    }

    static Report build(RegistryLabResult r) {
        RegistryLabResult.Gate p = r.promotion();
        RegistryLabResult.Gate b = r.blocked();
        long accepted = r.signatureChecks().stream().filter(RegistryLabResult.SignatureCheck::accepted).count();
        long denied = r.governance().stream().filter(g -> !g.allowed()).count();
        Report.Builder rb = Report.builder(RegistryLab.NAME, "Model registry the Unity Catalog way")
                .summary("Two churn pipelines were logged as MLflow models and registered as " + r.model() + " on an embedded"
                        + " MLflow-compatible server with authentication on (" + r.trainRows() + " training rows, "
                        + r.heldOutRows() + " held-out rows that took no part in training). Aliases, the signature cases,"
                        + " grants, a promotion, a blocked promotion and a rollback ran against its REST API.")
                .provenance(r.provenance())
                .takeaway("Of the eight signature cases " + accepted + " were accepted: a missing column is refused,"
                        + " an extra column is ignored with a warning, and only integer->long, integer->double and"
                        + " float->double widen.", "signatureChecks.accepted", accepted)
                .takeaway("The gate promoted v" + p.challenger() + " because its held-out AUC " + Format.number(p.heldOutMetric())
                        + " beat the champion's " + Format.number(p.championMetric()) + "; it stopped v" + b.challenger()
                        + " (AUC " + Format.number(b.heldOutMetric()) + " vs " + Format.number(b.championMetric()) + ").",
                        "promotion.gate.heldOutMetric", p.heldOutMetric())
                .takeaway("Rollback moved @champion from v" + r.rollbackFrom() + " to v" + r.rollbackTo()
                        + " without touching any code: consumers load models:/" + r.model() + "@champion.",
                        "promotion.rollback.championAfter", r.rollbackTo())
                .takeaway(denied + " of " + r.governance().size() + " governance attempts were refused, each naming the"
                        + " missing privilege (USE SCHEMA, EXECUTE, MANAGE, ownership) or the syntax error's position.",
                        "governance.denied", denied);

        Table.Builder steps = Table.builder("Registry actions, in order", "action", "accepted", "server's answer");
        r.steps().forEach(s -> steps.row(s.action(), s.ok() ? "yes" : "no", s.outcome()));
        rb.section(Section.builder("Versions, aliases and Unity Catalog rules").text("Versions are immutable and numbered"
                + " max+1; aliases are mutable pointers; Unity Catalog refuses a model without a signature, the reserved"
                + " alias `latest`, and stage transitions.").add(steps.build()).build());

        Table.Builder sig = Table.builder("Schema enforcement (MLflow pyfunc rules)", "case", "request", "accepted",
                "rows scored", "message");
        r.signatureChecks().forEach(c -> sig.row(c.name(), c.description(), c.accepted() ? "yes" : "no", c.scoredRows(),
                c.message()));
        RegistryLabResult.SignatureCheck out = r.outputCheck();
        rb.section(Section.builder("Signature cases").text("The registered version's signature inputs (JSON inside"
                + " MLmodel's YAML):").code("json", r.signatureInputs())
                .text("Its outputs keep the probability vector as `sparkml_vector` (MLflow 2.15 and later; older MLflow"
                        + " had no type for vectors, so signatures listed only `prediction`):")
                .code("json", r.signatureOutputs())
                .text("The model's scored outputs against them: " + (out.accepted() ? "accepted" : "refused") + " ("
                        + out.scoredRows() + " rows). " + out.message())
                .add(sig.build()).build());

        Table.Builder gov = Table.builder("Statements and access attempts, in order", "principal", "statement or action",
                "allowed", "error");
        r.governance().forEach(g -> gov.row(g.principal(), g.statement() != null ? g.statement() : g.action(),
                g.allowed() ? "yes" : "no", g.error()));
        rb.section(Section.builder("Grants").text("bob is in `data-scientists`; alice (in `ml-team`) owns the model;"
                + " reading needs USE CATALOG, USE SCHEMA and EXECUTE, and only the owner, the schema's owner or a"
                + " MANAGE holder may grant.").add(gov.build()).build());

        Table.Builder prom = Table.builder("Promotions (gate: challenger AUC >= champion AUC + min improvement)",
                "attempt", "champion before", "challenger", "challenger AUC", "champion AUC", "passed", "champion after");
        prom.row("promotion", "v" + p.championBefore(), "v" + p.challenger(), p.heldOutMetric(), p.championMetric(),
                p.passed() ? "yes" : "no", "v" + p.championAfter());
        prom.row("blocked", "v" + b.championBefore(), "v" + b.challenger(), b.heldOutMetric(), b.championMetric(),
                b.passed() ? "yes" : "no", "v" + b.championAfter());
        List<String> names = new ArrayList<>(r.trainAuc().keySet());
        rb.section(Section.builder("Champion / challenger").add(prom.build())
                .add(new BarChart("AUC: training rows vs held-out rows", "pipeline", "AUC", names, List.of(
                        new BarChart.Series("train", new ArrayList<>(r.trainAuc().values())),
                        new BarChart.Series("held out", List.of(b.heldOutMetric(), p.heldOutMetric())))))
                .text("Rollback: @champion v" + r.rollbackFrom() + " -> v" + r.rollbackTo() + ".").build());

        rb.data("model", r.model());
        rb.data("signature", map("inputs", r.signatureInputs(), "outputs", r.signatureOutputs(), "outputCheck",
                map("accepted", out.accepted(), "message", out.message(), "scoredRows", out.scoredRows())));
        rb.data("signatureChecks", r.signatureChecks().stream().map(c -> map("case", c.name(), "accepted", c.accepted(),
                "message", c.message(), "description", c.description(), "scoredRows", c.scoredRows())).toList());
        rb.data("governance", r.governance().stream().map(g -> map("statement", g.statement(), "principal", g.principal(),
                "action", g.action(), "allowed", g.allowed(), "error", g.error())).toList());
        Map<String, Object> promotion = gateMap(p);
        promotion.put("blocked", gateMap(b));
        promotion.put("rollback", map("championBefore", r.rollbackFrom(), "championAfter", r.rollbackTo()));
        rb.data("promotion", promotion);
        rb.data("steps", r.steps().stream().map(s -> map("action", s.action(), "ok", s.ok(), "outcome", s.outcome())).toList());
        rb.data("trainAuc", r.trainAuc());
        MlflowRun.addTo(rb, r.mlflowRun());
        return rb.build();
    }

    private static Map<String, Object> gateMap(RegistryLabResult.Gate g) {
        Map<String, Object> m = map("championBefore", g.championBefore(), "challenger", g.challenger());
        m.put("gate", map("heldOutMetric", g.heldOutMetric(), "championMetric", g.championMetric(), "passed", g.passed(),
                "reason", g.reason()));
        m.put("championAfter", g.championAfter());
        return m;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
