package dev.mlsandbox.drift.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsandbox.drift.DriftInputException;
import dev.mlsandbox.lab.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading in parallel chunks gives exactly what one sequential pass gives, line numbers included. */
class CsvTableTest {
    private static final ExecutorService POOL = Tasks.daemonPool(3, "csv-test");
    private static final CsvTable.Kind[] NUM_TEXT = {CsvTable.Kind.NUMBERS, CsvTable.Kind.NUMBERS, CsvTable.Kind.TEXT};

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    /** 2,000 records with blank lines, CRLF on some lines, missing values, and no final line break. */
    static Path messy(Path dir, boolean quotes) throws Exception {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder("x, n ,label\n\n");
        for (int k = 0; k < 2000; k++) {
            if (k % 97 == 5) {
                sb.append(k % 2 == 0 ? "\n" : "  \r\n");
            }
            String x = k % 53 == 0 ? "NA" : String.format(Locale.ROOT, "%.6g", rnd.nextGaussian() * 1e3);
            String label = quotes && k % 101 == 0 ? "\"two\nlines, \"\"quoted\"\"\"" : "L" + (k % 7);
            sb.append(x).append(',').append(k % 89 == 0 ? "" : String.valueOf(k - 1000)).append(',').append(label)
                    .append(k % 3 == 0 ? "\r\n" : "\n");
        }
        sb.setLength(sb.length() - 1);
        Path p = dir.resolve(quotes ? "quoted.csv" : "plain.csv");
        Files.writeString(p, sb);
        return p;
    }

    static CsvTable.Columns read(Path p, long chunkBytes) {
        return CsvTable.open(p, "reference").submit(NUM_TEXT, POOL, chunkBytes).join();
    }

    static void assertSame(CsvTable.Columns a, CsvTable.Columns b) {
        assertEquals(a.rows(), b.rows());
        for (int k = 0; k < 2; k++) {
            assertEquals(a.numbers(k).size, b.numbers(k).size);
            assertArrayEquals(java.util.Arrays.copyOf(a.numbers(k).values, a.numbers(k).size),
                    java.util.Arrays.copyOf(b.numbers(k).values, b.numbers(k).size));
            assertEquals(a.numbers(k).missing, b.numbers(k).missing);
            assertEquals(a.numbers(k).integral, b.numbers(k).integral);
        }
        assertArrayEquals(java.util.Arrays.copyOf(a.text(2).values, a.text(2).size),
                java.util.Arrays.copyOf(b.text(2).values, b.text(2).size));
    }

    @Test
    void smallChunksReadExactlyWhatOnePassReads(@TempDir Path dir) throws Exception {
        Path p = messy(dir, false);
        CsvTable t = CsvTable.open(p, "reference");
        assertEquals(java.util.List.of("x", "n", "label"), t.header());
        assertEquals(2, t.firstDataLine());
        CsvTable.Columns one = read(p, Long.MAX_VALUE);
        assertEquals(2000, one.rows());
        assertEquals(2000 - 38, one.numbers(0).size); // 38 NA
        assertEquals(38, one.numbers(0).missing);
        assertEquals(23, one.numbers(1).missing);
        assertTrue(one.numbers(1).integral);
        assertEquals(Double.parseDouble(String.format(Locale.ROOT, "%.6g", new Random(7).nextGaussian() * 1e3)),
                one.numbers(0).values[0], 0.0);
        for (long chunk : new long[] {64, 100, 1000, 4096}) {
            assertSame(one, read(p, chunk));
        }
    }

    @Test
    void quotedFieldsWithLineBreaksFallBackToOnePass(@TempDir Path dir) throws Exception {
        Path p = messy(dir, true);
        CsvTable.Columns one = read(p, Long.MAX_VALUE);
        assertSame(one, read(p, 100));
        assertEquals("two\nlines, \"quoted\"", one.text(2).values[0]);
        assertEquals(2000, one.rows());
    }

    @Test
    void errorsNameTheFileLineWhicheverChunkMeetsThem(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("a,b,c\n");
        for (int k = 0; k < 3000; k++) {
            sb.append(k == 2400 ? "1,2\n" : k == 2700 ? "1,oops,x\n" : "1,2,x\n");
        }
        Path p = dir.resolve("bad.csv");
        Files.writeString(p, sb);
        for (long chunk : new long[] {Long.MAX_VALUE, 128}) {
            DriftInputException e = assertThrows(DriftInputException.class, () -> read(p, chunk));
            assertTrue(e.getMessage().endsWith("bad.csv line 2402: 2 fields but the header has 3; fix the row or its "
                    + "quoting"), e.getMessage());
        }
        Files.writeString(p, sb.toString().replace("1,2\n", "1,2,x\n"));
        for (long chunk : new long[] {Long.MAX_VALUE, 128}) {
            CsvTable.Columns c = read(p, chunk);
            assertEquals(2702, c.failedLine(1));
            assertEquals("oops", c.numbers(1).failedText);
        }
        Path open = dir.resolve("open.csv");
        Files.writeString(open, "a,b,c\n1,2,x\n1,2,\"never\nclosed\n1,2,x\n");
        DriftInputException e = assertThrows(DriftInputException.class, () -> read(open, 8));
        assertTrue(e.getMessage().endsWith("open.csv line 3: a quoted field is never closed"), e.getMessage());
    }
}
