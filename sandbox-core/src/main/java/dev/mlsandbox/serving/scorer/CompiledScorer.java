package dev.mlsandbox.serving.scorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.serving.InputFrame;

/**
 * A fitted pipeline compiled to plain Java: one {@link Kernel} per stage over a row of slots, no
 * Spark at scoring time. Built by {@link RowScorers}; immutable and safe to share between threads
 * (each call works on its own slot arrays).
 */
public final class CompiledScorer implements Scorer {

    private final Kernel[] kernels;
    private final int slotCount;
    private final List<String> inputs;
    private final int[] inputSlots;
    private final List<String> outputs;
    private final int[] outputSlots;
    private final String predictionColumn;

    private CompiledScorer(Kernel[] kernels, Layout layout, String predictionColumn) {
        this.kernels = kernels;
        this.slotCount = layout.slotCount();
        this.inputs = layout.inputs();
        this.inputSlots = layout.inputSlots();
        Map<String, Integer> out = layout.outputs();
        this.outputs = List.copyOf(out.keySet());
        this.outputSlots = out.values().stream().mapToInt(Integer::intValue).toArray();
        this.predictionColumn = predictionColumn;
    }

    /** Compiles the stages in order; the first one that cannot be compiled stops it, and the report says why. */
    static CompileResult compile(List<StageSource> stages, String source) {
        long start = System.nanoTime();
        Layout layout = new Layout();
        List<Kernel> kernels = new ArrayList<>();
        List<CompileReport.StageReport> reports = new ArrayList<>();
        String prediction = "";
        boolean failed = false;
        for (StageSource s : stages) {
            if (failed) {
                reports.add(new CompileReport.StageReport(s.index(), s.uid(), s.sparkClass(),
                        CompileReport.Status.NOT_COMPILED, ""));
                continue;
            }
            layout.enter("stage " + s.index() + " " + Stages.simpleName(s.sparkClass()) + " (" + s.uid() + ")");
            try {
                StageSpec spec = s.spec().get();
                kernels.add(spec.bind(layout));
                if (!spec.predictionColumn().isEmpty()) {
                    prediction = spec.predictionColumn();
                }
                reports.add(new CompileReport.StageReport(s.index(), s.uid(), s.sparkClass(), CompileReport.Status.COMPILED, ""));
            } catch (UnsupportedStageException e) {
                failed = true;
                reports.add(new CompileReport.StageReport(s.index(), s.uid(), s.sparkClass(),
                        CompileReport.Status.UNSUPPORTED, e.getMessage()));
            }
        }
        CompileReport report = new CompileReport(source, reports, (System.nanoTime() - start) / 1e6);
        return new CompileResult(failed ? null : new CompiledScorer(kernels.toArray(Kernel[]::new), layout, prediction),
                report);
    }

    @Override
    public List<String> inputColumns() {
        return inputs;
    }

    @Override
    public List<String> outputColumns() {
        return outputs;
    }

    @Override
    public String predictionColumn() {
        return predictionColumn;
    }

    @Override
    public String engine() {
        return "compiled";
    }

    @Override
    public ScoredRows score(InputFrame frame) {
        int[] from = new int[inputSlots.length];
        ColumnType[] types = new ColumnType[slotCount];
        Arrays.fill(types, ColumnType.DOUBLE);
        for (int i = 0; i < from.length; i++) {
            from[i] = frame.indexOf(inputs.get(i));
            if (from[i] < 0) {
                throw new ScoringFailure("A column, variable, or function parameter with name `" + inputs.get(i)
                        + "` cannot be resolved: the model reads it, and the request has the columns " + frame.columns());
            }
            types[inputSlots[i]] = frame.types().get(from[i]);
        }
        for (Kernel k : kernels) {
            k.propagateTypes(types);
        }
        List<Object[]> rows = new ArrayList<>(frame.size());
        int[] source = new int[frame.size()];
        int kept = 0;
        for (int r = 0; r < frame.size(); r++) {
            Object[] slots = new Object[slotCount];
            for (int i = 0; i < from.length; i++) {
                slots[inputSlots[i]] = frame.value(r, from[i]);
            }
            if (run(slots, types)) {
                Object[] out = new Object[outputSlots.length];
                for (int c = 0; c < out.length; c++) {
                    out[c] = slots[outputSlots[c]];
                }
                rows.add(out);
                source[kept++] = r;
            }
        }
        return new ScoredRows(outputs, rows, Arrays.copyOf(source, kept), predictionColumn);
    }

    private boolean run(Object[] slots, ColumnType[] types) {
        for (Kernel k : kernels) {
            if (!k.apply(slots, types)) {
                return false;
            }
        }
        return true;
    }

    /** Number of compiled stages. */
    public int stageCount() {
        return kernels.length;
    }
}
