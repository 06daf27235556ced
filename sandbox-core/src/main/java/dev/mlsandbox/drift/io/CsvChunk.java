package dev.mlsandbox.drift.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Scans the records of one byte range of a CSV file and hands each cell to its column's
 * {@link CellSink}. RFC 4180: fields separated by commas, records by LF or CRLF, a field in double
 * quotes may hold commas, line breaks and doubled quotes; blank lines are skipped. The structural
 * characters are ASCII, so scanning UTF-8 bytes is safe.
 *
 * <p>A chunk owns the records that start in {@code [from, stopAt)}: it skips to the first record
 * start at or after {@code from} (a position right after a line break), and stops at the first one
 * at or after {@code stopAt}. That split is only right when no quoted field holds a line break, so a
 * chunk of a file read in parallel refuses quotes ({@link QuotesFound}); the file is then read again
 * as one chunk, which handles them.
 */
final class CsvChunk {
    /** Thrown by a parallel chunk that meets a double quote. */
    static final class QuotesFound extends RuntimeException {
        QuotesFound() {
            super(null, null, false, false);
        }
    }

    /** A bad record; {@code line} is the record's line within the chunk (0-based). */
    static final class BadRecord extends RuntimeException {
        final long line;

        BadRecord(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private final FileChannel channel;
    private final long stopAt;
    private final boolean quotesAllowed;
    private final CellSink[] sinks;
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private long bufOffset;
    private long readAt;
    private boolean eof;
    /** Line breaks consumed so far: every record's line within the chunk, and the chunk's total. */
    long lines;
    /** Non-blank records handed to the sinks. */
    long records;

    CsvChunk(FileChannel channel, long from, long stopAt, boolean quotesAllowed, CellSink[] sinks) {
        this.channel = channel;
        this.stopAt = stopAt;
        this.quotesAllowed = quotesAllowed;
        this.sinks = sinks;
        this.readAt = from;
        this.bufOffset = from;
    }

    /** Skips to the first record start at or after the given position ({@code from - 1} read first). */
    static CsvChunk startingAfterLineBreak(FileChannel channel, long from, long stopAt, CellSink[] sinks)
            throws IOException {
        CsvChunk c = new CsvChunk(channel, from - 1, stopAt, false, sinks);
        while (true) {
            if (c.pos == c.limit && !c.fill()) {
                return c;
            }
            byte x = c.buf[c.pos++];
            if (x == '"') {
                throw new QuotesFound();
            }
            if (x == '\n') {
                return c;
            }
        }
    }

    /** Scans every record up to {@code stopAt} (or the end of the file). */
    void run() throws IOException {
        if (quotesAllowed) {
            runWithQuotes();
        } else {
            runWithoutQuotes();
        }
    }

    /**
     * The fast path: no quotes, so every line break ends a record, and the records up to the last
     * line break in the buffer are complete: one pass over the bytes, fields cut at commas.
     */
    private void runWithoutQuotes() throws IOException {
        int columns = sinks.length;
        while (true) {
            int safe = limit;
            while (safe > pos && buf[safe - 1] != '\n') {
                safe--;
            }
            if (safe == pos) {
                // No complete record in the buffer: read more, or take the last one without a line break.
                if (fill()) {
                    continue;
                }
                if (pos == limit) {
                    return;
                }
                safe = limit;
            }
            int k = pos;
            while (k < safe) {
                if (bufOffset + k >= stopAt) {
                    pos = k;
                    return;
                }
                long line = lines;
                int blank = k;
                while (blank < safe && buf[blank] != '\n' && (buf[blank] & 0xff) <= ' ') {
                    blank++;
                }
                if (blank == safe || buf[blank] == '\n') {
                    k = blank + 1;
                    lines++;
                    continue;
                }
                int field = 0;
                int start = k;
                while (true) {
                    byte x = k < safe ? buf[k] : (byte) '\n';
                    if (x == ',' || x == '\n') {
                        if (field < columns) {
                            sinks[field].accept(buf, start, k, false, line);
                        }
                        field++;
                        start = k + 1;
                        if (x == '\n') {
                            break;
                        }
                    } else if (x == '"') {
                        throw new QuotesFound();
                    }
                    k++;
                }
                k++;
                lines++;
                if (field != columns) {
                    throw new BadRecord(line, field + " fields but the header has " + columns
                            + "; fix the row or its quoting");
                }
                records++;
            }
            pos = Math.min(k, limit);
            if (safe == limit && !fill()) {
                return;
            }
        }
    }

    /** The general path: quoted fields may hold commas, doubled quotes and line breaks. */
    private void runWithQuotes() throws IOException {
        int columns = sinks.length;
        while (bufOffset + pos < stopAt) {
            int end = recordEnd();
            if (end < 0) {
                return;
            }
            long line = lines;
            int breaks = end < limit ? 1 : 0;
            if (isBlank(pos, end)) {
                lines += breaks;
                pos = Math.min(end + 1, limit);
                continue;
            }
            // Fields of buf[pos, end); a comma is imagined at 'end' to close the last one.
            int field = 0;
            int start = pos;
            boolean quoted = false;
            boolean anyQuote = false;
            boolean inQuotes = false;
            for (int k = pos; k <= end; k++) {
                byte x = k < end ? buf[k] : (byte) ',';
                if (x == '"') {
                    quoted = true;
                    anyQuote = true;
                    inQuotes = !inQuotes;
                } else if (x == ',' && !inQuotes) {
                    if (field < columns) {
                        sinks[field].accept(buf, start, k, quoted, line);
                    }
                    field++;
                    start = k + 1;
                    quoted = false;
                }
            }
            if (field != columns) {
                throw new BadRecord(line, field + " fields but the header has " + columns + "; fix the row or its quoting");
            }
            records++;
            lines += breaks + (anyQuote ? newlinesIn(pos, end) : 0);
            pos = Math.min(end + 1, limit);
        }
    }

    /**
     * The index of the line break ending the record at {@code pos} (reading more of the file when
     * needed), {@code limit} for a last record without one, or -1 at the end of the file.
     */
    private int recordEnd() throws IOException {
        while (true) {
            boolean inQuotes = false;
            for (int k = pos; k < limit; k++) {
                byte x = buf[k];
                if (x == '"') {
                    if (!quotesAllowed) {
                        throw new QuotesFound();
                    }
                    inQuotes = !inQuotes;
                } else if (x == '\n' && !inQuotes) {
                    return k;
                }
            }
            // Not in the buffer: read more (the record moves to the front) and scan it again.
            if (!fill()) {
                if (pos == limit) {
                    return -1;
                }
                if (inQuotes) {
                    throw new BadRecord(lines, "a quoted field is never closed");
                }
                return limit;
            }
        }
    }

    /** Moves the unconsumed bytes to the front (growing the buffer if they fill it) and reads more. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int keep = limit - pos;
        if (keep == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        } else if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, keep);
        }
        bufOffset += pos;
        pos = 0;
        limit = keep;
        int n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit), readAt);
        if (n <= 0) {
            eof = true;
            return false;
        }
        readAt += n;
        limit += n;
        return true;
    }

    private boolean isBlank(int from, int to) {
        for (int k = from; k < to; k++) {
            if ((buf[k] & 0xff) > ' ') {
                return false;
            }
        }
        return true;
    }

    private int newlinesIn(int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            n += buf[k] == '\n' ? 1 : 0;
        }
        return n;
    }
}
