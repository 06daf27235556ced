package dev.mlsandbox.serving.scorer;

import java.util.Arrays;

/**
 * A Spark ML vector without Spark: dense ({@code indices == null}) or sparse (ascending indices),
 * exactly as {@code org.apache.spark.ml.linalg.DenseVector} / {@code SparseVector} hold it, so a
 * compiled stage can hand on the same form Spark would (VectorAssembler and MinMaxScaler choose
 * the smaller of the two forms, OneHotEncoder always gives sparse, a scaler with
 * {@code withMean} dense).
 *
 * <p>Instances are never changed after construction; the arrays are owned by the vector.
 */
public final class VectorValue {

    private final int size;
    private final int[] indices;
    private final double[] values;

    private VectorValue(int size, int[] indices, double[] values) {
        this.size = size;
        this.indices = indices;
        this.values = values;
    }

    /** A dense vector that takes ownership of {@code values}. */
    public static VectorValue dense(double[] values) {
        return new VectorValue(values.length, null, values);
    }

    /** A sparse vector that takes ownership of the arrays (indices ascending, as Spark requires). */
    public static VectorValue sparse(int size, int[] indices, double[] values) {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("a sparse vector needs as many indices as values, got "
                    + indices.length + " and " + values.length);
        }
        return new VectorValue(size, indices, values);
    }

    public int size() {
        return size;
    }

    public boolean isDense() {
        return indices == null;
    }

    /** The stored indices of a sparse vector (a copy), or null for a dense one. */
    public int[] indices() {
        return indices == null ? null : indices.clone();
    }

    /** The stored values (a copy): all of them for a dense vector, the active ones for a sparse one. */
    public double[] values() {
        return values.clone();
    }

    /** Number of stored entries. */
    public int numActives() {
        return values.length;
    }

    /** Index of the k-th stored entry. */
    public int indexAt(int k) {
        return indices == null ? k : indices[k];
    }

    /** Value of the k-th stored entry. */
    public double valueAt(int k) {
        return values[k];
    }

    /** The element at {@code i}. */
    public double get(int i) {
        if (indices == null) {
            return values[i];
        }
        int k = Arrays.binarySearch(indices, i);
        return k >= 0 ? values[k] : 0.0;
    }

    /** A new dense array of all elements. */
    public double[] toArray() {
        if (indices == null) {
            return values.clone();
        }
        double[] out = new double[size];
        for (int k = 0; k < indices.length; k++) {
            out[indices[k]] = values[k];
        }
        return out;
    }

    /** Number of stored values that are not 0.0 (NaN counts, as in Spark). */
    public int numNonzeros() {
        int n = 0;
        for (double v : values) {
            if (v != 0.0) {
                n++;
            }
        }
        return n;
    }

    /**
     * Spark's {@code Vector.compressed}: sparse when a sparse vector of the non-zeros takes fewer
     * bytes than a dense one ({@code 12 * nnz + 28 < 8 * size + 12}), else dense.
     */
    public VectorValue compressed() {
        return compressedWithNnz(numNonzeros());
    }

    VectorValue compressedWithNnz(int nnz) {
        if (sparseBytes(nnz) < denseBytes(size)) {
            if (indices != null && nnz == values.length) {
                return this;
            }
            int[] ii = new int[nnz];
            double[] vv = new double[nnz];
            int j = 0;
            for (int k = 0; k < values.length; k++) {
                if (values[k] != 0.0) {
                    ii[j] = indexAt(k);
                    vv[j] = values[k];
                    j++;
                }
            }
            return new VectorValue(size, ii, vv);
        }
        return indices == null ? this : dense(toArray());
    }

    static long sparseBytes(long nnz) {
        return 12L * nnz + 12L * 2 + 4L;
    }

    static long denseBytes(long size) {
        return 8L * size + 12L;
    }

    /** Spark's {@code argmax}: the first maximal element; -1 for an empty vector. */
    public int argmax() {
        if (size == 0) {
            return -1;
        }
        double[] all = indices == null ? values : toArray();
        int best = 0;
        double max = all[0];
        for (int i = 1; i < size; i++) {
            if (all[i] > max) {
                max = all[i];
                best = i;
            }
        }
        return best;
    }

    /** Same form, size, indices and values (values compared bit for bit, so NaN equals NaN). */
    @Override
    public boolean equals(Object o) {
        return o instanceof VectorValue v && v.size == size && Arrays.equals(v.indices, indices)
                && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * size + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    /** Spark's notation: {@code [0.5,1.0]} dense, {@code (4,[0,2],[1.0,1.0])} sparse. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (indices == null) {
            b.append('[');
            appendJoined(b, values);
            return b.append(']').toString();
        }
        b.append('(').append(size).append(",[");
        for (int k = 0; k < indices.length; k++) {
            b.append(k == 0 ? "" : ",").append(indices[k]);
        }
        b.append("],[");
        appendJoined(b, values);
        return b.append("])").toString();
    }

    private static void appendJoined(StringBuilder b, double[] values) {
        for (int k = 0; k < values.length; k++) {
            b.append(k == 0 ? "" : ",").append(values[k]);
        }
    }
}
