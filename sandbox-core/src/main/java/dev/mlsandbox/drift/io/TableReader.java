package dev.mlsandbox.drift.io;

import dev.mlsandbox.drift.DataColumn;
import dev.mlsandbox.drift.DriftInputException;
import dev.mlsandbox.drift.DriftTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a reference and a current CSV file into two {@link DriftTable}s with the same columns and
 * the same types.
 *
 * <p>Typing by content: a column is numeric when every non-missing reference value parses as a
 * number, otherwise categorical; {@code categorical} forces a column to be categorical. Missing
 * values (empty, {@code NA}, {@code NaN}, {@code null}) are left out and counted. A non-numeric
 * value on the current side of a numeric column is an error that names the file, the line and the
 * value.
 */
public final class TableReader {
    private static final Set<String> MISSING = Set.of("", "na", "nan", "null", "none");

    private TableReader() {
    }

    /** The two tables, plus the seconds spent reading them. */
    public record Pair(DriftTable reference, DriftTable current, double loadSeconds) {
    }

    /**
     * Reads both CSV files.
     *
     * @param columns     columns to compare; empty means every column (then the headers must match)
     * @param categorical columns to treat as categorical whatever their content
     */
    public static Pair readCsv(Path reference, Path current, List<String> columns, List<String> categorical) {
        long start = System.nanoTime();
        CsvFile ref = CsvFile.read(reference, "reference");
        CsvFile cur = CsvFile.read(current, "current");
        List<String> names = selectColumns(ref, cur, columns);
        for (String c : categorical) {
            if (!names.contains(c)) {
                throw new DriftInputException("--categorical names column '" + c + "', which is not among the compared "
                        + "columns " + names);
            }
        }
        List<DataColumn> rc = new ArrayList<>();
        List<DataColumn> cc = new ArrayList<>();
        for (String name : names) {
            String[] r = ref.column(name);
            String[] c = cur.column(name);
            if (!categorical.contains(name) && isNumeric(r)) {
                rc.add(numeric(ref, name, r, true));
                cc.add(numeric(cur, name, c, false));
            } else {
                rc.add(categorical(name, r));
                cc.add(categorical(name, c));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Pair(new DriftTable(reference.toString(), ref.rows(), rc),
                new DriftTable(current.toString(), cur.rows(), cc), seconds);
    }

    static List<String> selectColumns(CsvFile ref, CsvFile cur, List<String> columns) {
        if (columns.isEmpty()) {
            return DriftInputException.requireSameColumns("headers", ref.header(), cur.header());
        }
        for (String c : columns) {
            if (ref.column(c) == null) {
                throw new DriftInputException("column '" + c + "' is not in the reference file " + ref.path()
                        + " (its columns: " + ref.header() + ")");
            }
            if (cur.column(c) == null) {
                throw new DriftInputException("column '" + c + "' is not in the current file " + cur.path()
                        + " (its columns: " + cur.header() + ")");
            }
        }
        return List.copyOf(new LinkedHashSet<>(columns));
    }

    /** Whether a value counts as missing. */
    public static boolean isMissing(String v) {
        return v == null || MISSING.contains(v.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean isNumeric(String[] cells) {
        boolean any = false;
        for (String v : cells) {
            if (isMissing(v)) {
                continue;
            }
            if (parse(v) == null) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static DataColumn numeric(CsvFile file, String name, String[] cells, boolean reference) {
        double[] values = new double[cells.length];
        int n = 0;
        long missing = 0;
        boolean integral = true;
        for (int k = 0; k < cells.length; k++) {
            if (isMissing(cells[k])) {
                missing++;
                continue;
            }
            integral = integral && isIntegerLiteral(cells[k].trim());
            Double v = parse(cells[k]);
            if (v == null || v.isInfinite()) {
                throw new DriftInputException(file.role() + " file " + file.path() + " line " + file.lines()[k]
                        + ", column '" + name + "': '" + cells[k] + "' is not a number (the column is numeric in the reference"
                        + "); fix the value or pass --categorical " + name);
            }
            values[n++] = v;
        }
        return new DataColumn.Numeric(name, java.util.Arrays.copyOf(values, n), missing, integral && missing == 0);
    }

    /** An optional sign and at most 18 digits: what pandas reads as an int64. */
    static boolean isIntegerLiteral(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (s.length() == start || s.length() - start > 18) {
            return false;
        }
        for (int k = start; k < s.length(); k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    private static DataColumn categorical(String name, String[] cells) {
        List<String> values = new ArrayList<>(cells.length);
        long missing = 0;
        for (String v : cells) {
            if (isMissing(v)) {
                missing++;
            } else {
                values.add(v);
            }
        }
        return new DataColumn.Categorical(name, values.toArray(String[]::new), missing);
    }

    private static Double parse(String v) {
        String s = v.trim();
        if (s.isEmpty()) {
            return null;
        }
        char c = s.charAt(0);
        // Double.parseDouble accepts "Infinity", hex and trailing 'd'/'f'; a data file should not.
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
            return null;
        }
        char last = s.charAt(s.length() - 1);
        if (!(Character.isDigit(last) || last == '.')) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
