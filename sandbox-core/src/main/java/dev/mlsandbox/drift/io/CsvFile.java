package dev.mlsandbox.drift.io;

import dev.mlsandbox.drift.DriftInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read into memory as text cells: RFC 4180 quoting (commas and doubled quotes inside
 * quotes), a header line, and the line number of every row for error messages.
 *
 * @param path    the file
 * @param role    "reference" or "current", for messages
 * @param header  column names
 * @param columns cells per column (column-major, so numeric parsing is one pass per column)
 * @param lines   the 1-based file line of each row
 */
public record CsvFile(Path path, String role, List<String> header, List<String[]> columns, int[] lines) {

    /** Reads the file; errors name the file and the line. */
    public static CsvFile read(Path path, String role) {
        if (!Files.exists(path)) {
            throw new DriftInputException(role + " file " + path + " does not exist; check the path");
        }
        if (Files.isDirectory(path)) {
            throw new DriftInputException(role + " file " + path + " is a directory; give a .csv file or a .parquet path");
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        List<String> header;
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            int line = 1;
            while (first != null && first.isBlank()) {
                first = in.readLine();
                line++;
            }
            if (first == null) {
                throw new DriftInputException(role + " file " + path + " is empty; it needs a header line and rows");
            }
            header = List.of(split(stripBom(first), path, line));
            for (int k = 0; k < header.size(); k++) {
                if (header.get(k).isBlank()) {
                    throw new DriftInputException(role + " file " + path + " line " + line + ": column " + (k + 1)
                            + " has an empty name; every column needs a header");
                }
            }
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                int startLine = line;
                // A quoted field may span lines: keep reading while quotes are unbalanced.
                while (unbalanced(text)) {
                    String more = in.readLine();
                    if (more == null) {
                        throw new DriftInputException(role + " file " + path + " line " + startLine
                                + ": a quoted field is never closed");
                    }
                    line++;
                    text = text + "\n" + more;
                }
                String[] cells = split(text, path, startLine);
                if (cells.length != header.size()) {
                    throw new DriftInputException(role + " file " + path + " line " + startLine + ": " + cells.length
                            + " fields but the header has " + header.size() + "; fix the row or its quoting");
                }
                rows.add(cells);
                lineNos.add(startLine);
            }
        } catch (IOException e) {
            throw new DriftInputException("cannot read " + role + " file " + path + ": " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new DriftInputException(role + " file " + path + " has a header but no rows");
        }
        List<String[]> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String[] col = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                col[r] = rows.get(r)[c];
            }
            columns.add(col);
        }
        return new CsvFile(path, role, header, columns, lineNos.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Cells of one column by name. */
    public String[] column(String name) {
        int k = header.indexOf(name);
        return k < 0 ? null : columns.get(k);
    }

    public int rows() {
        return lines.length;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static boolean unbalanced(String s) {
        int q = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '"') {
                q++;
            }
        }
        return q % 2 == 1;
    }

    static String[] split(String line, Path path, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char ch = line.charAt(k);
            if (quoted) {
                if (ch == '"') {
                    if (k + 1 < line.length() && line.charAt(k + 1) == '"') {
                        cell.append('"');
                        k++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString().trim());
                cell.setLength(0);
            } else if (ch != '\r') {
                cell.append(ch);
            }
        }
        out.add(cell.toString().trim());
        return out.toArray(String[]::new);
    }
}
