package dev.mlsandbox.serving.scorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads the small Parquet files Spark writes for a model's {@code data/} with parquet-column's
 * record API, from the local file system ({@link LocalInputFile}, {@link PlainParquetConfiguration}):
 * no SparkSession, no Hadoop configuration or file system. The values arrive as
 * {@link Group}s; the helpers here read the shapes Spark uses (lists, vectors, matrices).
 */
final class ParquetRows {

    private ParquetRows() {
    }

    /** Every row of every {@code part-*.parquet} file in {@code dir}, files in name order. */
    static List<Group> read(Path dir) throws IOException {
        List<Path> parts;
        try (Stream<Path> files = Files.list(dir)) {
            parts = files.filter(f -> f.getFileName().toString().startsWith("part-")
                    && f.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        if (parts.isEmpty()) {
            throw new IOException("no part-*.parquet file in " + dir);
        }
        List<Group> rows = new ArrayList<>();
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        for (Path part : parts) {
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(part), options)) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                PageReadStore pages;
                while ((pages = reader.readNextRowGroup()) != null) {
                    RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                            .getRecordReader(pages, new GroupRecordConverter(schema));
                    for (long i = 0; i < pages.getRowCount(); i++) {
                        rows.add(records.read());
                    }
                }
            }
        }
        return rows;
    }

    static boolean isNull(Group g, String field) {
        return !g.getType().containsField(field) || g.getFieldRepetitionCount(field) == 0;
    }

    static Group group(Group g, String field) {
        if (isNull(g, field)) {
            throw new UnsupportedStageException("the saved data has no '" + field + "'");
        }
        return g.getGroup(field, 0);
    }

    static int integer(Group g, String field) {
        if (isNull(g, field)) {
            throw new UnsupportedStageException("the saved data has no '" + field + "'");
        }
        return g.getInteger(field, 0);
    }

    static double number(Group g, String field) {
        if (isNull(g, field)) {
            throw new UnsupportedStageException("the saved data has no '" + field + "'");
        }
        return g.getDouble(field, 0);
    }

    static boolean bool(Group g, String field) {
        if (isNull(g, field)) {
            throw new UnsupportedStageException("the saved data has no '" + field + "'");
        }
        return g.getBoolean(field, 0);
    }

    /**
     * The elements of a Parquet LIST: Spark's three-level form ({@code list / element}) or the
     * legacy two-level one (a repeated field directly inside).
     */
    private static List<Element> elements(Group g, String field) {
        List<Element> out = new ArrayList<>();
        if (isNull(g, field)) {
            return out;
        }
        Group list = g.getGroup(field, 0);
        GroupType listType = list.getType();
        Type repeated = listType.getType(0);
        String name = repeated.getName();
        int n = list.getFieldRepetitionCount(name);
        for (int i = 0; i < n; i++) {
            if (repeated.isPrimitive()) {
                out.add(new Element(list, name, i));
            } else {
                Group item = list.getGroup(name, i);
                GroupType itemType = item.getType();
                String element = itemType.getFieldCount() == 1 ? itemType.getType(0).getName() : "element";
                out.add(item.getFieldRepetitionCount(element) == 0 ? null : new Element(item, element, 0));
            }
        }
        return out;
    }

    private record Element(Group owner, String field, int index) {
    }

    static int[] ints(Group g, String field) {
        List<Element> e = elements(g, field);
        int[] out = new int[e.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = e.get(i).owner().getInteger(e.get(i).field(), e.get(i).index());
        }
        return out;
    }

    static double[] doubles(Group g, String field) {
        List<Element> e = elements(g, field);
        double[] out = new double[e.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = e.get(i).owner().getDouble(e.get(i).field(), e.get(i).index());
        }
        return out;
    }

    static String[] strings(Group g, String field) {
        List<Element> e = elements(g, field);
        String[] out = new String[e.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = e.get(i) == null ? null : e.get(i).owner().getString(e.get(i).field(), e.get(i).index());
        }
        return out;
    }

    /** A list of string lists (StringIndexerModel's {@code labelsArray}). */
    static String[][] stringLists(Group g, String field) {
        List<Element> e = elements(g, field);
        String[][] out = new String[e.size()][];
        for (int i = 0; i < out.length; i++) {
            Element el = e.get(i);
            // In the three-level form each element is itself a LIST group held by its 'list' item.
            out[i] = el == null ? new String[0] : strings(el.owner(), el.field());
        }
        return out;
    }

    /**
     * Spark's VectorUDT struct ({@code type} 0 sparse / 1 dense, {@code size}, {@code indices},
     * {@code values}) as a dense array.
     */
    static double[] vector(Group g, String field) {
        Group v = group(g, field);
        double[] values = doubles(v, "values");
        if (integer(v, "type") == 1) {
            return values;
        }
        int[] indices = ints(v, "indices");
        double[] out = new double[integer(v, "size")];
        for (int k = 0; k < indices.length; k++) {
            out[indices[k]] = values[k];
        }
        return out;
    }

    /**
     * Spark's MatrixUDT struct as dense rows: {@code type} 0 sparse (CSC, or CSR when transposed)
     * / 1 dense (column-major, or row-major when transposed).
     */
    static double[][] matrix(Group g, String field) {
        Group m = group(g, field);
        int rows = integer(m, "numRows");
        int cols = integer(m, "numCols");
        boolean transposed = bool(m, "isTransposed");
        double[] values = doubles(m, "values");
        double[][] out = new double[rows][cols];
        if (integer(m, "type") == 1) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    out[i][j] = transposed ? values[i * cols + j] : values[i + j * rows];
                }
            }
            return out;
        }
        int[] ptrs = ints(m, "colPtrs");
        int[] idx = ints(m, "rowIndices");
        int major = transposed ? rows : cols;
        for (int a = 0; a < major; a++) {
            for (int k = ptrs[a]; k < ptrs[a + 1]; k++) {
                if (transposed) {
                    out[a][idx[k]] = values[k];
                } else {
                    out[idx[k]][a] = values[k];
                }
            }
        }
        return out;
    }
}
