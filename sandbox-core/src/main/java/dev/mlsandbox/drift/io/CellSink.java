package dev.mlsandbox.drift.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Receives the cells of one column of one chunk of a CSV file, straight from the file's bytes.
 * A numeric sink parses each cell into a {@code double[]} (no String per cell); a text sink keeps
 * the cells as Strings, one instance per distinct value.
 */
abstract sealed class CellSink permits CellSink.Numbers, CellSink.Text, CellSink.Skip {

    /**
     * One cell: {@code buf[from, to)} is the raw field, quotes included when {@code quoted}.
     *
     * @param line the record's line within its chunk (0-based), for error messages
     */
    abstract void accept(byte[] buf, int from, int to, boolean quoted, long line);

    /** A column the caller does not need. */
    static final class Skip extends CellSink {
        @Override
        void accept(byte[] buf, int from, int to, boolean quoted, long line) {
        }
    }

    /** Parses every cell as a number; remembers the first cell that is not one. */
    static final class Numbers extends CellSink {
        double[] values = new double[1 << 14];
        int size;
        long missing;
        /** Every non-missing cell so far is an integer literal (what pandas reads as int64). */
        boolean integral = true;
        /** Chunk line of the first cell that is not a number, or -1. */
        long failedLine = -1;
        String failedText;

        @Override
        void accept(byte[] buf, int from, int to, boolean quoted, long line) {
            if (failedLine >= 0) {
                return;
            }
            if (quoted) {
                acceptText(Cells.unquote(buf, from, to), line);
                return;
            }
            int s = Cells.trimStart(buf, from, to);
            int e = Cells.trimEnd(buf, s, to);
            if (Cells.isMissing(buf, s, e)) {
                missing++;
                return;
            }
            double v = Cells.fastParse(buf, s, e);
            if (v == v) {
                // The common case (plain decimal, at most 15 digits) parsed exactly in one pass.
                integral &= Cells.lastWasInteger(buf, s, e);
                add(v);
                return;
            }
            int kind = Cells.numberKind(buf, s, e);
            v = kind == Cells.NOT_A_NUMBER ? Double.NaN : Cells.parse(buf, s, e);
            if (Double.isNaN(v)) {
                fail(new String(buf, s, e - s, StandardCharsets.UTF_8), line);
                return;
            }
            integral &= kind == Cells.INTEGER;
            add(v);
        }

        private void acceptText(String cell, long line) {
            if (TableReader.isMissing(cell)) {
                missing++;
                return;
            }
            byte[] b = cell.getBytes(StandardCharsets.UTF_8);
            int kind = Cells.numberKind(b, 0, b.length);
            double v = kind == Cells.NOT_A_NUMBER ? Double.NaN : Cells.parse(b, 0, b.length);
            if (Double.isNaN(v)) {
                fail(cell, line);
                return;
            }
            integral &= kind == Cells.INTEGER;
            add(v);
        }

        private void fail(String text, long line) {
            failedLine = line;
            failedText = text;
        }

        private void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }
    }

    /** Keeps every non-missing cell as text; equal cells share one String. */
    static final class Text extends CellSink {
        String[] values = new String[1 << 12];
        int size;
        long missing;
        private final Map<String, String> distinct = new HashMap<>();

        @Override
        void accept(byte[] buf, int from, int to, boolean quoted, long line) {
            String cell;
            if (quoted) {
                cell = Cells.unquote(buf, from, to);
            } else {
                int s = Cells.trimStart(buf, from, to);
                int e = Cells.trimEnd(buf, s, to);
                if (Cells.isMissing(buf, s, e)) {
                    missing++;
                    return;
                }
                cell = new String(buf, s, e - s, StandardCharsets.UTF_8);
            }
            if (TableReader.isMissing(cell)) {
                missing++;
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = distinct.computeIfAbsent(cell, c -> c);
        }
    }

    /** Byte-level cell rules shared by the sinks. */
    static final class Cells {
        static final int NOT_A_NUMBER = 0;
        static final int DECIMAL = 1;
        static final int INTEGER = 2;

        private Cells() {
        }

        static int trimStart(byte[] b, int from, int to) {
            while (from < to && (b[from] & 0xff) <= ' ') {
                from++;
            }
            return from;
        }

        static int trimEnd(byte[] b, int from, int to) {
            while (to > from && (b[to - 1] & 0xff) <= ' ') {
                to--;
            }
            return to;
        }

        /** Empty, NA, NaN, null or none, any case (the trimmed cell). */
        static boolean isMissing(byte[] b, int s, int e) {
            int n = e - s;
            if (n == 0) {
                return true;
            }
            if (n < 2 || n > 4 || (b[s] | 0x20) != 'n') {
                return false;
            }
            return TableReader.isMissing(new String(b, s, n, StandardCharsets.US_ASCII));
        }

        /**
         * Whether a trimmed cell is written as a decimal number (digits, sign, point, exponent; no
         * "Infinity", hex or Java's trailing d/f), and whether as an integer literal: an optional sign
         * and at most 18 digits.
         */
        static int numberKind(byte[] b, int s, int e) {
            if (s == e) {
                return NOT_A_NUMBER;
            }
            byte first = b[s];
            byte last = b[e - 1];
            if (!(isDigit(first) || first == '-' || first == '+' || first == '.') || !(isDigit(last) || last == '.')) {
                return NOT_A_NUMBER;
            }
            boolean integer = true;
            for (int k = s; k < e; k++) {
                byte x = b[k];
                if (isDigit(x) || k == s && (x == '-' || x == '+')) {
                    continue;
                }
                if (x == '.' || x == 'e' || x == 'E' || x == '-' || x == '+') {
                    integer = false;
                } else {
                    return NOT_A_NUMBER;
                }
            }
            int digits = e - s - (isDigit(first) ? 0 : 1);
            return integer && digits <= 18 ? INTEGER : DECIMAL;
        }

        private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
            1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

        /**
         * Clinger's fast path for the common cell: an optional sign, digits, an optional point and
         * digits, no exponent, at most 15 significant digits. Then the digits as a long and the power
         * of ten are both exact doubles, so one division gives the correctly rounded value, the same
         * bits as {@link Double#parseDouble}. NaN for any other cell (the caller then uses the full
         * parser).
         */
        static double fastParse(byte[] b, int s, int e) {
            int k = s;
            boolean negative = b[k] == '-';
            if (negative || b[k] == '+') {
                k++;
            }
            long digits = 0;
            int significant = 0;
            int scale = -1;
            boolean any = false;
            for (; k < e; k++) {
                int d = b[k] - '0';
                if (d >= 0 && d <= 9) {
                    digits = digits * 10 + d;
                    significant += digits == 0 ? 0 : 1;
                    scale += scale >= 0 ? 1 : 0;
                    any = true;
                } else if (b[k] == '.' && scale < 0) {
                    scale = 0;
                } else {
                    return Double.NaN;
                }
            }
            if (!any || significant > 15 || scale > 22) {
                return Double.NaN;
            }
            double v = scale <= 0 ? (double) digits : digits / POWERS_OF_TEN[scale];
            return negative ? -v : v;
        }

        /** After {@link #fastParse} succeeded: whether the cell had no point (an integer literal). */
        static boolean lastWasInteger(byte[] b, int s, int e) {
            for (int k = s; k < e; k++) {
                if (b[k] == '.') {
                    return false;
                }
            }
            return e - s <= 18;
        }

        /** The value, or NaN when the cell is not a finite number. */
        static double parse(byte[] b, int s, int e) {
            try {
                double v = JavaDoubleParser.parseDouble(b, s, e - s);
                return Double.isInfinite(v) ? Double.NaN : v;
            } catch (NumberFormatException ex) {
                return Double.NaN;
            }
        }

        private static boolean isDigit(byte x) {
            return x >= '0' && x <= '9';
        }

        /**
         * A quoted field as text: quotes removed, doubled quotes inside them kept as one, then
         * trimmed (RFC 4180, and what the reader did before cells were parsed from bytes).
         */
        static String unquote(byte[] b, int from, int to) {
            byte[] out = new byte[to - from];
            int n = 0;
            boolean inQuotes = false;
            for (int k = from; k < to; k++) {
                byte x = b[k];
                if (x == '"') {
                    if (inQuotes && k + 1 < to && b[k + 1] == '"') {
                        out[n++] = '"';
                        k++;
                    } else {
                        inQuotes = !inQuotes;
                    }
                } else if (inQuotes || x != '\r') {
                    out[n++] = x;
                }
            }
            return new String(out, 0, n, StandardCharsets.UTF_8).trim();
        }
    }
}
