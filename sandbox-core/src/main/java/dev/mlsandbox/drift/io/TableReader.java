package dev.mlsandbox.drift.io;

import dev.mlsandbox.drift.DataColumn;
import dev.mlsandbox.drift.DriftInputException;
import dev.mlsandbox.drift.DriftTable;
import dev.mlsandbox.lab.Tasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Reads a reference and a current CSV file into two {@link DriftTable}s with the same columns and
 * the same types.
 *
 * <p>Typing by content: a column is numeric when every non-missing reference value parses as a
 * number, otherwise categorical; {@code categorical} forces a column to be categorical. Missing
 * values (empty, {@code NA}, {@code NaN}, {@code null}, {@code none}) are left out and counted. A
 * non-numeric value on the current side of a numeric column is an error that names the file, the
 * line and the value.
 *
 * <p>How: both files are read at once, each in chunks on all cores, numbers parsed straight from
 * the bytes into {@code double[]} ({@link CsvTable}); no cell becomes a String unless its column is
 * categorical. A column that turns out categorical only after being read as numbers (a reference
 * value that is not a number) is read again as text.
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
        CsvTable ref = CsvTable.open(reference, "reference");
        CsvTable cur = CsvTable.open(current, "current");
        List<String> names = selectColumns(ref, cur, columns);
        for (String c : categorical) {
            if (!names.contains(c)) {
                throw new DriftInputException("--categorical names column '" + c + "', which is not among the compared "
                        + "columns " + names);
            }
        }
        ExecutorService pool = Tasks.daemonPool(Runtime.getRuntime().availableProcessors(), "csv-reader");
        try {
            // Pass 1: both files at once; every compared column as numbers unless forced categorical.
            CsvTable.Pending pr = ref.submit(kinds(ref, names, categorical, CsvTable.Kind.NUMBERS), pool);
            CsvTable.Pending pc = cur.submit(kinds(cur, names, categorical, CsvTable.Kind.NUMBERS), pool);
            CsvTable.Columns rc = pr.join();
            CsvTable.Columns cc = pc.join();
            List<String> text = new ArrayList<>(categorical);
            for (String name : names) {
                int r = ref.header().indexOf(name);
                int c = cur.header().indexOf(name);
                if (categorical.contains(name)) {
                    continue;
                }
                CellSink.Numbers rn = rc.numbers(r);
                if (rc.failedLine(r) >= 0 || rn.size == 0) {
                    text.add(name);
                } else if (cc.failedLine(c) >= 0) {
                    throw new DriftInputException(cur.role() + " file " + cur.path() + " line " + cc.failedLine(c)
                            + ", column '" + name + "': '" + cc.numbers(c).failedText + "' is not a number (the column "
                            + "is numeric in the reference); fix the value or pass --categorical " + name);
                }
            }
            // Pass 2, only for columns found categorical by their content: read them as text.
            CsvTable.Columns rt = rc;
            CsvTable.Columns ct = cc;
            if (text.size() > categorical.size()) {
                List<String> again = text.subList(categorical.size(), text.size());
                CsvTable.Pending r2 = ref.submit(kinds(ref, again, List.of(), CsvTable.Kind.TEXT), pool);
                CsvTable.Pending c2 = cur.submit(kinds(cur, again, List.of(), CsvTable.Kind.TEXT), pool);
                rt = r2.join();
                ct = c2.join();
            }
            List<DataColumn> rcols = new ArrayList<>();
            List<DataColumn> ccols = new ArrayList<>();
            for (String name : names) {
                int r = ref.header().indexOf(name);
                int c = cur.header().indexOf(name);
                if (text.contains(name)) {
                    CsvTable.Columns rs = categorical.contains(name) ? rc : rt;
                    CsvTable.Columns cs = categorical.contains(name) ? cc : ct;
                    rcols.add(categorical(name, rs.text(r)));
                    ccols.add(categorical(name, cs.text(c)));
                } else {
                    rcols.add(numeric(name, rc.numbers(r)));
                    ccols.add(numeric(name, cc.numbers(c)));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Pair(new DriftTable(reference.toString(), rc.rows(), rcols),
                    new DriftTable(current.toString(), cc.rows(), ccols), seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static CsvTable.Kind[] kinds(CsvTable file, List<String> names, List<String> text, CsvTable.Kind kind) {
        CsvTable.Kind[] kinds = new CsvTable.Kind[file.header().size()];
        for (int k = 0; k < kinds.length; k++) {
            String name = file.header().get(k);
            kinds[k] = text.contains(name) ? CsvTable.Kind.TEXT : names.contains(name) ? kind : CsvTable.Kind.SKIP;
        }
        return kinds;
    }

    static List<String> selectColumns(CsvTable ref, CsvTable cur, List<String> columns) {
        if (columns.isEmpty()) {
            return DriftInputException.requireSameColumns("headers", ref.header(), cur.header());
        }
        for (String c : columns) {
            if (!ref.header().contains(c)) {
                throw new DriftInputException("column '" + c + "' is not in the reference file " + ref.path()
                        + " (its columns: " + ref.header() + ")");
            }
            if (!cur.header().contains(c)) {
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

    private static DataColumn numeric(String name, CellSink.Numbers n) {
        double[] values = n.values.length == n.size ? n.values : Arrays.copyOf(n.values, n.size);
        return new DataColumn.Numeric(name, values, n.missing, n.integral && n.missing == 0);
    }

    private static DataColumn categorical(String name, CellSink.Text t) {
        return new DataColumn.Categorical(name, Arrays.copyOf(t.values, t.size), t.missing);
    }
}
