package dev.mlsandbox.serving.protocol;

import java.util.ArrayList;
import java.util.List;

import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.registry.signature.Schema;
import dev.mlsandbox.serving.InputFrame;

/**
 * The text MLflow's enforcement errors embed: {@code str(DataFrame)} and {@code repr(Schema)}.
 * The frame rendering follows pandas' layout (see {@link #frame}; the first and last five rows of
 * a long frame, a shared number of decimals per float column) but is not byte-for-byte pandas in
 * every case: it does not wrap wide frames and approximates pandas' float formatting.
 */
final class PandasRepr {

    private static final int MAX_ROWS = 60;
    private static final int SHOWN = 5;

    private PandasRepr() {
    }

    /** MLflow's {@code Schema.__repr__}: {@code ['plan': string (required), ...]}. */
    static String schema(Schema schema) {
        return schema.repr();
    }

    /**
     * pandas' {@code DataFrame.to_string} layout: every value gets a leading blank (the sign's
     * place for numbers), a numeric column's header too, each column is right-justified to its
     * widest cell, the columns are joined by one blank after the left-justified index.
     */
    static String frame(InputFrame frame) {
        int n = frame.size();
        int cols = frame.columns().size();
        if (cols == 0 || n == 0) {
            return "Empty DataFrame\nColumns: " + PythonRepr.list(frame.columns()).replace("'", "") + "\nIndex: []";
        }
        List<Integer> shown = new ArrayList<>();
        boolean cut = n > MAX_ROWS;
        for (int r = 0; r < n; r++) {
            if (!cut || r < SHOWN || r >= n - SHOWN) {
                shown.add(r);
            }
        }
        int lines = shown.size() + (cut ? 1 : 0);
        String[][] cells = new String[lines][cols];
        String[] headers = new String[cols];
        int[] width = new int[cols];
        for (int c = 0; c < cols; c++) {
            ColumnType t = frame.types().get(c);
            int decimals = decimals(frame, c, shown);
            headers[c] = (numeric(t) ? " " : "") + frame.columns().get(c);
            width[c] = headers[c].length();
            int line = 0;
            for (int i = 0; i < shown.size(); i++) {
                if (cut && i == SHOWN) {
                    cells[line++][c] = " ...";
                }
                cells[line++][c] = cell(frame.value(shown.get(i), c), t, decimals);
            }
            for (int l = 0; l < lines; l++) {
                width[c] = Math.max(width[c], cells[l][c].length());
            }
        }
        List<String> index = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            if (cut && i == SHOWN) {
                index.add("..");
            }
            index.add(Integer.toString(shown.get(i)));
        }
        int indexWidth = index.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder b = new StringBuilder(" ".repeat(indexWidth));
        for (int c = 0; c < cols; c++) {
            b.append(' ').append(pad(headers[c], width[c]));
        }
        for (int l = 0; l < lines; l++) {
            b.append('\n').append(padRight(index.get(l), indexWidth));
            for (int c = 0; c < cols; c++) {
                b.append(' ').append(pad(cells[l][c], width[c]));
            }
        }
        if (cut) {
            b.append("\n\n[").append(n).append(" rows x ").append(cols).append(" columns]");
        }
        return b.toString();
    }

    private static boolean numeric(ColumnType t) {
        return t == ColumnType.BOOLEAN || t == ColumnType.INTEGER || t == ColumnType.LONG || t == ColumnType.FLOAT
                || t == ColumnType.DOUBLE;
    }

    /** pandas prints a float column with the decimals its most precise shown value needs (at most 6). */
    private static int decimals(InputFrame frame, int c, List<Integer> rows) {
        ColumnType t = frame.types().get(c);
        if (t != ColumnType.DOUBLE && t != ColumnType.FLOAT) {
            return 0;
        }
        int most = 1;
        for (int r : rows) {
            Object v = frame.value(r, c);
            if (v instanceof Number num && Double.isFinite(num.doubleValue())) {
                String s = new java.math.BigDecimal(Double.toString(num.doubleValue())).stripTrailingZeros().toPlainString();
                int dot = s.indexOf('.');
                most = Math.max(most, dot < 0 ? 0 : Math.min(6, s.length() - dot - 1));
            }
        }
        return most;
    }

    private static String cell(Object v, ColumnType type, int decimals) {
        if (v == null) {
            return type == ColumnType.DOUBLE || type == ColumnType.FLOAT ? " NaN" : " None";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                return " NaN";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? " inf" : "-inf";
            }
            String s = String.format(java.util.Locale.ROOT, "%." + decimals + "f", d);
            return d < 0 ? s : " " + s;
        }
        if (v instanceof Number num) {
            return num.longValue() < 0 ? num.toString() : " " + num;
        }
        if (v instanceof Boolean bool) {
            return bool ? " True" : " False";
        }
        return " " + v;
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    private static String padRight(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
