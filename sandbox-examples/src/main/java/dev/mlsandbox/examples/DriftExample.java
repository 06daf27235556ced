package dev.mlsandbox.examples;

import dev.mlsandbox.drift.DriftBins;
import dev.mlsandbox.drift.DriftEngine;
import dev.mlsandbox.drift.DriftPreset;
import dev.mlsandbox.drift.DriftResult;
import dev.mlsandbox.drift.DriftTable;
import dev.mlsandbox.drift.NumericDrift;
import dev.mlsandbox.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * {@code bin/sandbox example drift}: the drift engine from plain Java, no Spark. Fit bins on a
 * reference, save them, judge three later windows on the same bins under the default (rigorous)
 * preset, and show why a p-value alone is not a verdict. See docs/drift.md.
 */
public final class DriftExample {
    private DriftExample() {
    }

    public static void main(String[] args) throws Exception {
        Random rnd = new Random(42);
        DriftTable reference = window(rnd, 5000, 0.0, 0.0);
        DriftEngine engine = DriftEngine.builder().preset(DriftPreset.RIGOROUS).bins(10).build();

        // Fit the bins once on the reference and keep them: every window is measured on the same bins.
        Path binsFile = Files.createTempFile("drift-bins", ".json");
        engine.fit(reference).save(binsFile);
        DriftBins bins = DriftBins.load(binsFile);
        System.out.println("bins saved to " + binsFile);

        String[] names = {"same distribution", "tiny shift (0.03 std)", "real shift (0.4 std) + new plan"};
        double[] shifts = {0.0, 0.03, 0.4};
        DriftResult last = null;
        for (int w = 0; w < names.length; w++) {
            DriftResult r = engine.compare(reference, window(rnd, 5000, shifts[w], w == 2 ? 0.1 : 0.0), bins);
            NumericDrift tenure = (NumericDrift) r.column("tenure");
            System.out.printf("%-32s KS p=%-10.3g D=%.3f PSI=%.3f -> dataset drift: %s%n", names[w],
                    tenure.ks().pValue(), tenure.ks().statistic(), tenure.psi(), r.datasetDrift() ? "yes" : "no");
            r.verdict().columns().forEach(v -> System.out.println("    " + v.column() + ": " + v.reason()));
            last = r;
        }
        Path out = Path.of(args.length > 0 ? args[0] : "reports/drift-example");
        System.out.println("report: " + new ReportWriter().write(last.report(), out).html());
    }

    /** tenure shifted by {@code shift} std; a share {@code unseen} of rows on a plan the reference never had. */
    static DriftTable window(Random rnd, int rows, double shift, double unseen) {
        double[] tenure = new double[rows];
        String[] plan = new String[rows];
        String[] plans = {"basic", "plus", "pro"};
        for (int k = 0; k < rows; k++) {
            tenure[k] = 24 + 8 * (rnd.nextGaussian() + shift);
            plan[k] = rnd.nextDouble() < unseen ? "enterprise" : plans[rnd.nextInt(3)];
        }
        return DriftTable.builder().numeric("tenure", tenure).categorical("plan", plan).build();
    }
}
