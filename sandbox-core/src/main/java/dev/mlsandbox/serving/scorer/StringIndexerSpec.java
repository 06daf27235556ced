package dev.mlsandbox.serving.scorer;

import java.util.HashMap;
import java.util.Map;

import dev.mlsandbox.registry.signature.ColumnType;

/**
 * StringIndexerModel: each input column cast to a string and looked up in its fitted labels (the
 * index is the label's position; {@code stringOrderType} only mattered when fitting). Unseen
 * labels and nulls: {@code error} fails the row, {@code keep} gives index {@code labels.length},
 * {@code skip} drops the row, checking every input column first, as Spark filters the frame
 * before indexing.
 */
record StringIndexerSpec(String uid, String[] inputCols, String[] outputCols, String[][] labels,
                         HandleInvalid handleInvalid) implements StageSpec {

    static StringIndexerSpec from(String uid, StageParams p, String[][] labelsArray) {
        String[][] cols = StageSpec.inOutCols(p);
        if (labelsArray.length != cols[0].length) {
            throw new UnsupportedStageException("the model holds labels for " + labelsArray.length + " columns but has "
                    + cols[0].length + " input columns");
        }
        return new StringIndexerSpec(uid, cols[0], cols[1], labelsArray, HandleInvalid.of(p.string("handleInvalid")));
    }

    @Override
    public Kernel bind(Layout layout) {
        int n = inputCols.length;
        int[] in = new int[n];
        for (int i = 0; i < n; i++) {
            in[i] = layout.scalar(inputCols[i]);
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = layout.write(outputCols[i], Layout.SCALAR);
        }
        @SuppressWarnings("unchecked")
        Map<String, Double>[] maps = new Map[n];
        for (int i = 0; i < n; i++) {
            maps[i] = new HashMap<>(labels[i].length * 2);
            for (int j = 0; j < labels[i].length; j++) {
                maps[i].put(labels[i][j], (double) j); // last wins, as Spark's OpenHashMap.update
            }
        }
        double[] unknown = new double[n];
        for (int i = 0; i < n; i++) {
            unknown[i] = labels[i].length;
        }
        return new Indexer(in, out, maps, unknown, inputCols, handleInvalid);
    }

    private record Indexer(int[] in, int[] out, Map<String, Double>[] maps, double[] unknown, String[] names,
                           HandleInvalid mode)
            implements Kernel {

        @Override
        public boolean apply(Object[] slots, ColumnType[] types) {
            if (mode == HandleInvalid.SKIP) {
                for (int i = 0; i < in.length; i++) {
                    Object v = slots[in[i]];
                    if (v == null || SparkCasts.isNaN(v) || !maps[i].containsKey(SparkCasts.toSparkString(v))) {
                        return false;
                    }
                }
            }
            for (int i = 0; i < in.length; i++) {
                slots[out[i]] = index(i, slots[in[i]]);
            }
            return true;
        }

        private Double index(int i, Object v) {
            if (v == null) {
                if (mode == HandleInvalid.KEEP) {
                    return unknown[i];
                }
                throw new ScoringFailure("StringIndexer encountered NULL value. To handle or skip NULLS, try setting"
                        + " StringIndexer.handleInvalid. (column " + names[i] + ")");
            }
            String label = SparkCasts.toSparkString(v);
            Double idx = maps[i].get(label);
            if (idx != null) {
                return idx;
            }
            if (mode == HandleInvalid.KEEP) {
                return unknown[i];
            }
            throw new ScoringFailure("Unseen label: " + label + ". To handle unseen labels, set Param handleInvalid to"
                    + " keep. (column " + names[i] + ")");
        }
    }
}
