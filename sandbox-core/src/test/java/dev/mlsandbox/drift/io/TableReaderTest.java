package dev.mlsandbox.drift.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsandbox.drift.DataColumn;
import dev.mlsandbox.drift.DriftInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderTest {

    @Test
    void typesByContentCountsMissingAndHandlesQuotes(@TempDir Path dir) throws Exception {
        Path ref = dir.resolve("ref.csv");
        Files.writeString(ref, "\uFEFFid,score,city,note\n1,0.5,\"Paris, FR\",\"said \"\"hi\"\"\"\n2,NA,Rome,\"two\nlines\"\n"
                + "3,1e-3,Oslo,\n");
        Path cur = dir.resolve("cur.csv");
        Files.writeString(cur, "id,score,city,note\n4,,Rome,x\n5,2,Lima,y\n");
        TableReader.Pair p = TableReader.readCsv(ref, cur, List.of(), List.of("id"));
        DataColumn score = p.reference().column("score").orElseThrow();
        assertEquals("numeric", score.type());
        assertArrayEquals(new double[] {0.5, 1e-3}, ((DataColumn.Numeric) score).values());
        assertEquals(1, score.missing());
        assertEquals(1, p.current().column("score").orElseThrow().missing());
        assertEquals("categorical", p.reference().column("id").orElseThrow().type(), "forced by --categorical");
        DataColumn.Categorical city = (DataColumn.Categorical) p.reference().column("city").orElseThrow();
        assertArrayEquals(new String[] {"Paris, FR", "Rome", "Oslo"}, city.values());
        DataColumn.Categorical note = (DataColumn.Categorical) p.reference().column("note").orElseThrow();
        assertArrayEquals(new String[] {"said \"hi\"", "two\nlines"}, note.values());
        assertEquals(3, p.reference().rows());
    }

    @Test
    void aRowWithTheWrongFieldCountNamesItsLine(@TempDir Path dir) throws Exception {
        Path ref = dir.resolve("ref.csv");
        Files.writeString(ref, "a,b\n1,2\n3\n");
        DriftInputException e = assertThrows(DriftInputException.class,
                () -> TableReader.readCsv(ref, ref, List.of(), List.of()));
        assertTrue(e.getMessage().contains("line 3: 1 fields but the header has 2"), e.getMessage());
    }

    @Test
    void infinityAndHexAreNotNumbers(@TempDir Path dir) throws Exception {
        Path ref = dir.resolve("ref.csv");
        Files.writeString(ref, "a\n1\n2\n");
        Path cur = dir.resolve("cur.csv");
        Files.writeString(cur, "a\n1\nInfinity\n");
        assertTrue(assertThrows(DriftInputException.class, () -> TableReader.readCsv(ref, cur, List.of(), List.of()))
                .getMessage().contains("line 3, column 'a': 'Infinity' is not a number"));
    }

    @Test
    void aColumnIsIntegerTypedWhenEveryValueIsAnIntegerAndNoneIsMissing(@TempDir Path dir) throws Exception {
        // As pandas reads it: int64 only then (a missing value makes it float64, so does "2.0").
        Path ref = dir.resolve("ref.csv");
        Files.writeString(ref, "a,b,c,d\n1,1,1,-3\n2,2.0,,+4\n");
        TableReader.Pair p = TableReader.readCsv(ref, ref, List.of(), List.of());
        assertEquals(List.of(true, false, false, true), p.current().columns().stream()
                .map(c -> ((DataColumn.Numeric) c).integral()).toList());
    }
}
