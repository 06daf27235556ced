package dev.mlsandbox.drift;

import static dev.mlsandbox.drift.DriftTestData.floor;
import static dev.mlsandbox.drift.DriftTestData.lcg;
import static dev.mlsandbox.drift.DriftTestData.sorted;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GapExtremeTest {

    /** The walk cut into stretches at every possible boundary, each stretch its own tracker, merged in order. */
    @Test
    void stretchesMergedInOrderChooseWhatOneWalkChooses() {
        double[][][] pairs = {
                {{1, 2, 3, 4}, {1.5, 3.5}},
                {{2, 4}, {1, 3, 5, 6}},
                {{1, 2, 2, 3, 3, 3, 4, 5}, {2, 3, 3, 4, 4, 5, 6}},
                {sorted(floor(lcg(27, 300, 4.0, 0.0))), sorted(floor(lcg(28, 200, 5.0, 0.0)))}};
        for (double[][] p : pairs) {
            double[] ref = p[0];
            double[] cur = p[1];
            KsResult ks = KolmogorovSmirnov.testSorted(ref, cur);
            List<long[]> blocks = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            PooledWalk walk = new PooledWalk(ref, cur);
            while (walk.next()) {
                blocks.add(new long[]{walk.refAtOrBelow(), walk.curAtOrBelow(), walk.inRef() ? 1 : 0});
                values.add(walk.value());
            }
            for (int cut = 0; cut <= blocks.size(); cut++) {
                GapExtreme[] first = stretch(blocks, values, 0, cut, ref.length, cur.length);
                GapExtreme[] second = stretch(blocks, values, cut, blocks.size(), ref.length, cur.length);
                first[0].mergeLater(second[0]);
                first[1].mergeLater(second[1]);
                GapExtreme chosen = GapExtreme.chosen(first[0], first[1]);
                assertArrayEquals(new double[]{ks.location(), ks.sign()}, new double[]{chosen.at(), chosen.direction()},
                        "cut after " + cut + " blocks");
            }
        }
    }

    private static GapExtreme[] stretch(List<long[]> blocks, List<Double> values, int from, int to, long n, long m) {
        GapExtreme high = new GapExtreme(1);
        GapExtreme low = new GapExtreme(-1);
        for (int k = from; k < to; k++) {
            long[] b = blocks.get(k);
            high.offer(values.get(k), b[2] == 1, b[0], b[1], n, m);
            low.offer(values.get(k), b[2] == 1, b[0], b[1], n, m);
        }
        return new GapExtreme[]{high, low};
    }

    @Test
    void refusesADirectionOtherThanOneOrMinusOne() {
        assertThrows(IllegalArgumentException.class, () -> new GapExtreme(0));
    }
}
