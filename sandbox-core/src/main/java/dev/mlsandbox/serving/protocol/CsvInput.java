package dev.mlsandbox.serving.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.MlflowException;
import dev.mlsandbox.registry.signature.ColumnSpec;
import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.registry.signature.Schema;
import dev.mlsandbox.serving.InputFrame;

/**
 * A {@code text/csv} body read as {@code pandas.read_csv} reads it: the first line names the
 * columns (an empty name becomes {@code Unnamed: i}, as for the index column
 * {@code DataFrame.to_csv()} writes first), fields may be quoted with {@code "} (a doubled quote
 * inside is one quote), an empty field is missing. With a signature its columns are parsed to the
 * declared types ({@code read_csv(dtype=...)}); the others are typed by content: integers,
 * numbers (with {@code nan}, {@code inf}; an integer column with a gap becomes numbers), booleans
 * ({@code True}/{@code False}), else text.
 */
final class CsvInput {

    private static final Set<String> TRUE = Set.of("True", "TRUE", "true");
    private static final Set<String> FALSE = Set.of("False", "FALSE", "false");

    private CsvInput() {
    }

    static InputFrame parse(String body, Schema signature) {
        List<List<String>> lines = lines(body);
        if (lines.isEmpty()) {
            throw failed("No columns to parse from file");
        }
        List<String> header = lines.get(0);
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i);
            columns.add(h.isEmpty() ? "Unnamed: " + i : h);
        }
        if (new java.util.HashSet<>(columns).size() != columns.size()) {
            throw failed("duplicate column names " + PythonRepr.list(columns) + " (pandas would rename them;"
                    + " a Spark model needs each name once)");
        }
        List<List<String>> rows = lines.subList(1, lines.size());
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() > columns.size()) {
                throw failed("Error tokenizing data. C error: Expected " + columns.size() + " fields in line " + (r + 2)
                        + ", saw " + rows.get(r).size());
            }
        }
        List<ColumnType> types = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            values.add(new Object[columns.size()]);
        }
        for (int c = 0; c < columns.size(); c++) {
            List<String> fields = new ArrayList<>(rows.size());
            for (List<String> row : rows) {
                String f = c < row.size() ? row.get(c) : null;
                fields.add(f == null || f.isEmpty() ? null : f);
            }
            ColumnSpec declared = signature == null ? null : signature.column(columns.get(c))
                    .filter(d -> d.dataType().isScalar()).orElse(null); // composite values are not CSV cells
            ColumnType type = declared != null ? declared.type() : infer(fields);
            Object[] typed;
            try {
                typed = ColumnCast.cast(columns.get(c), nodes(fields, type), type);
            } catch (MlflowException e) {
                String m = e.getMessage();
                int at = m.indexOf("Error: '");
                throw failed(at < 0 ? m : m.substring(at + 8, m.length() - 1));
            }
            types.add(type);
            for (int r = 0; r < typed.length; r++) {
                values.get(r)[c] = typed[r];
            }
        }
        return new InputFrame(columns, types, values);
    }

    /** Text fields as JSON values: numbers stay text so the cast parses them as read_csv does. */
    private static List<JsonNode> nodes(List<String> fields, ColumnType type) {
        List<JsonNode> out = new ArrayList<>(fields.size());
        for (String f : fields) {
            if (f == null) {
                out.add(null);
            } else if (type == ColumnType.BOOLEAN && (TRUE.contains(f) || FALSE.contains(f))) {
                out.add(JsonNodeFactory.instance.booleanNode(TRUE.contains(f)));
            } else {
                out.add(JsonNodeFactory.instance.textNode(f));
            }
        }
        return out;
    }

    private static ColumnType infer(List<String> fields) {
        boolean allLong = true;
        boolean allDouble = true;
        boolean allBool = true;
        boolean gaps = false;
        boolean any = false;
        for (String f : fields) {
            if (f == null) {
                gaps = true;
                continue;
            }
            any = true;
            allLong &= f.strip().matches("[+-]?\\d+");
            allDouble &= isFloat(f);
            allBool &= TRUE.contains(f) || FALSE.contains(f);
        }
        if (!any) {
            return ColumnType.DOUBLE; // an all-empty column is all NaN in pandas
        }
        if (allLong) {
            return gaps ? ColumnType.DOUBLE : ColumnType.LONG;
        }
        if (allDouble) {
            return ColumnType.DOUBLE;
        }
        return allBool ? ColumnType.BOOLEAN : ColumnType.STRING;
    }

    private static boolean isFloat(String f) {
        try {
            ColumnCast.parseFloat("", f, ColumnType.DOUBLE);
            return true;
        } catch (MlflowException e) {
            return false;
        }
    }

    /** RFC 4180 records: commas, double-quoted fields, CRLF or LF line ends; blank lines are skipped. */
    static List<List<String>> lines(String body) {
        List<List<String>> out = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && body.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (fieldStarted || field.length() > 0 || !row.isEmpty()) {
                    row.add(field.toString());
                    out.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                if (c == '\r' && i + 1 < n && body.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (quoted) {
            throw failed("Error tokenizing data. C error: EOF inside string");
        }
        if (fieldStarted || field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            out.add(row);
        }
        return out;
    }

    private static MlflowException failed(String pandasError) {
        return new MlflowException(ErrorCode.BAD_REQUEST, "Failed to parse input as a Pandas DataFrame. Ensure that the"
                + " input is a valid CSV-formatted Pandas DataFrame produced using the `pandas.DataFrame.to_csv()`"
                + " method. Error: '" + pandasError + "'");
    }
}
