package dev.mlsandbox.drift.io;

import dev.mlsandbox.drift.DriftInputException;
import dev.mlsandbox.lab.Tasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One CSV file read column by column: the header first, then the records in chunks of about
 * {@value #CHUNK_BYTES} bytes scanned in parallel, each cell parsed straight from the file's bytes
 * into its column (numbers into a {@code double[]}). Errors name the file and the line.
 *
 * @param path          the file
 * @param role          "reference" or "current", for messages
 * @param header        column names
 * @param dataStart     byte offset of the first record after the header
 * @param firstDataLine 1-based line of that offset
 * @param size          file size in bytes
 */
record CsvTable(Path path, String role, List<String> header, long dataStart, long firstDataLine, long size) {
    /** Bytes per parallel chunk: small enough to keep both cores busy, large enough to be cheap. */
    static final long CHUNK_BYTES = 8L << 20;

    /** How a column is read. */
    enum Kind { SKIP, NUMBERS, TEXT }

    /** Opens the file and reads its header (the first non-blank line). */
    static CsvTable open(Path path, String role) {
        if (!Files.exists(path)) {
            throw new DriftInputException(role + " file " + path + " does not exist; check the path");
        }
        if (Files.isDirectory(path)) {
            throw new DriftInputException(role + " file " + path + " is a directory; give a .csv file or a .parquet path");
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            int want = (int) Math.min(size, 1 << 16);
            while (true) {
                byte[] b = new byte[want];
                ch.read(ByteBuffer.wrap(b), 0);
                CsvTable t = header(path, role, b, size, want == size);
                if (t != null) {
                    return t;
                }
                if (want == size || want > (1 << 26)) {
                    throw new DriftInputException(role + " file " + path + " line 1: the header is not a complete "
                            + "line; check the file's quoting");
                }
                want = (int) Math.min(size, (long) want * 4);
            }
        } catch (IOException e) {
            throw new DriftInputException("cannot read " + role + " file " + path + ": " + e.getMessage());
        }
    }

    /** The header from the file's first bytes, or null when they end before it does. */
    private static CsvTable header(Path path, String role, byte[] b, long size, boolean whole) {
        int p = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        long line = 1;
        while (true) {
            int end = p;
            boolean inQuotes = false;
            while (end < b.length && (inQuotes || b[end] != '\n')) {
                inQuotes ^= b[end] == '"';
                end++;
            }
            if (end == b.length && !whole) {
                return null;
            }
            String text = new String(b, p, end - p, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                if (end >= b.length) {
                    throw new DriftInputException(role + " file " + path + " is empty; it needs a header line and rows");
                }
                line += 1;
                p = end + 1;
                continue;
            }
            List<String> names = split(text);
            for (int k = 0; k < names.size(); k++) {
                if (names.get(k).isBlank()) {
                    throw new DriftInputException(role + " file " + path + " line " + line + ": column " + (k + 1)
                            + " has an empty name; every column needs a header");
                }
            }
            long breaks = text.chars().filter(c -> c == '\n').count() + (end < b.length ? 1 : 0);
            return new CsvTable(path, role, names, Math.min(end + 1L, size), line + breaks, size);
        }
    }

    /** The fields of the header line (quotes removed, trimmed). */
    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char ch = line.charAt(k);
            if (ch == '"') {
                if (quoted && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                    cell.append('"');
                    k++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cell.toString().trim());
                cell.setLength(0);
            } else if (ch != '\r' || quoted) {
                cell.append(ch);
            }
        }
        out.add(cell.toString().trim());
        return out;
    }

    /** The columns read from the file: one sink per header column, merged over the chunks. */
    record Columns(long rows, List<CellSink> sinks, long[] failedLines) {
        /** The numbers of column k (assumes it was read as NUMBERS). */
        CellSink.Numbers numbers(int k) {
            return (CellSink.Numbers) sinks.get(k);
        }

        CellSink.Text text(int k) {
            return (CellSink.Text) sinks.get(k);
        }

        /** File line of column k's first cell that is not a number, or -1. */
        long failedLine(int k) {
            return failedLines[k];
        }
    }

    /** Reading under way: the chunks' tasks. */
    final class Pending {
        private final Kind[] kinds;
        private final List<Future<CsvChunk>> chunks;
        private final List<CellSink[]> sinks;
        private final ExecutorService pool;

        private final long chunkBytes;

        private Pending(Kind[] kinds, ExecutorService pool, boolean parallel, long chunkBytes) {
            this.kinds = kinds;
            this.chunkBytes = chunkBytes;
            this.pool = pool;
            this.chunks = new ArrayList<>();
            this.sinks = new ArrayList<>();
            long body = size - dataStart;
            int n = parallel ? (int) Math.max(1, Math.min(4096, body / chunkBytes)) : 1;
            for (int i = 0; i < n; i++) {
                long from = dataStart + body * i / n;
                long stop = i == n - 1 ? Long.MAX_VALUE : dataStart + body * (i + 1) / n;
                CellSink[] s = sinks(kinds);
                sinks.add(s);
                boolean first = i == 0;
                boolean quotes = n == 1;
                chunks.add(pool.submit(() -> {
                    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                        CsvChunk c = first ? new CsvChunk(ch, from, stop, quotes, s)
                                : CsvChunk.startingAfterLineBreak(ch, from, stop, s);
                        c.run();
                        return c;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
        }

        /** Waits for every chunk and merges them; a file with quotes is read again as one chunk. */
        Columns join() {
            List<CsvChunk> done = new ArrayList<>();
            RuntimeException failure = null;
            int failedChunk = -1;
            for (int i = 0; i < chunks.size(); i++) {
                try {
                    done.add(Tasks.await(chunks.get(i), "reading " + role + " file " + path));
                } catch (CsvChunk.QuotesFound e) {
                    chunks.forEach(f -> f.cancel(true));
                    return new Pending(kinds, pool, false, chunkBytes).join();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                        failedChunk = i;
                    }
                    done.add(null);
                }
            }
            if (failure != null) {
                throw asInputError(failure, lineBefore(done, failedChunk));
            }
            return merge(done);
        }

        private long lineBefore(List<CsvChunk> done, int chunk) {
            long line = firstDataLine;
            for (int i = 0; i < chunk; i++) {
                line += done.get(i).lines;
            }
            return line;
        }

        private RuntimeException asInputError(RuntimeException e, long chunkLine) {
            if (e instanceof CsvChunk.BadRecord bad) {
                return new DriftInputException(role + " file " + path + " line " + (chunkLine + bad.line) + ": "
                        + bad.getMessage());
            }
            if (e instanceof UncheckedIOException io) {
                return new DriftInputException("cannot read " + role + " file " + path + ": " + io.getCause().getMessage());
            }
            return e;
        }

        private Columns merge(List<CsvChunk> done) {
            long rows = 0;
            for (CsvChunk c : done) {
                rows += c.records;
            }
            if (rows == 0) {
                throw new DriftInputException(role + " file " + path + " has a header but no rows");
            }
            List<CellSink> merged = new ArrayList<>();
            long[] failed = new long[kinds.length];
            Arrays.fill(failed, -1);
            for (int k = 0; k < kinds.length; k++) {
                switch (kinds[k]) {
                    case NUMBERS -> merged.add(mergeNumbers(done, k, failed));
                    case TEXT -> merged.add(mergeText(k));
                    default -> merged.add(new CellSink.Skip());
                }
            }
            return new Columns(rows, merged, failed);
        }

        private CellSink.Numbers mergeNumbers(List<CsvChunk> done, int k, long[] failed) {
            CellSink.Numbers out = new CellSink.Numbers();
            int total = 0;
            for (CellSink[] s : sinks) {
                total += ((CellSink.Numbers) s[k]).size;
            }
            out.values = new double[total];
            for (int i = 0; i < sinks.size(); i++) {
                CellSink.Numbers part = (CellSink.Numbers) sinks.get(i)[k];
                System.arraycopy(part.values, 0, out.values, out.size, part.size);
                part.values = null;
                out.size += part.size;
                out.missing += part.missing;
                out.integral &= part.integral;
                if (part.failedLine >= 0 && out.failedLine < 0) {
                    out.failedLine = part.failedLine;
                    out.failedText = part.failedText;
                    failed[k] = lineBefore(done, i) + part.failedLine;
                }
            }
            return out;
        }

        private CellSink.Text mergeText(int k) {
            CellSink.Text out = new CellSink.Text();
            int total = 0;
            for (CellSink[] s : sinks) {
                total += ((CellSink.Text) s[k]).size;
            }
            out.values = new String[total];
            for (CellSink[] s : sinks) {
                CellSink.Text part = (CellSink.Text) s[k];
                System.arraycopy(part.values, 0, out.values, out.size, part.size);
                out.size += part.size;
                out.missing += part.missing;
            }
            return out;
        }
    }

    /** Starts reading the columns as asked, on the pool's threads. */
    Pending submit(Kind[] kinds, ExecutorService pool) {
        return submit(kinds, pool, CHUNK_BYTES);
    }

    /** As above with chunks of about the given size (tests use small ones). */
    Pending submit(Kind[] kinds, ExecutorService pool, long chunkBytes) {
        return new Pending(kinds, pool, true, chunkBytes);
    }

    private static CellSink[] sinks(Kind[] kinds) {
        CellSink[] s = new CellSink[kinds.length];
        for (int k = 0; k < kinds.length; k++) {
            s[k] = switch (kinds[k]) {
                case NUMBERS -> new CellSink.Numbers();
                case TEXT -> new CellSink.Text();
                case SKIP -> new CellSink.Skip();
            };
        }
        return s;
    }
}
