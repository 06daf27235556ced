package dev.mlsandbox.serving.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlsandbox.http.MlflowException;
import dev.mlsandbox.registry.signature.ColumnSpec;
import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.registry.signature.Schema;
import dev.mlsandbox.serving.InputFrame;

/** Parsing without a model: types as pandas would give them, CSV as read_csv reads it. */
class RequestParserTest {

    static InputFrame json(String body, Schema signature) {
        return RequestParser.parse(body, "application/json", signature).frame();
    }

    @Test
    void withoutASignatureColumnsAreTypedAsPandasInfersThem() {
        InputFrame f = json("{\"dataframe_records\": [{\"n\": 1, \"x\": 1, \"s\": \"a\", \"b\": true, \"g\": 2},"
                + " {\"n\": 2, \"x\": 2.5, \"s\": null, \"b\": false, \"g\": null}]}", null);
        assertEquals(List.of("n", "x", "s", "b", "g"), f.columns());
        assertEquals(List.of(ColumnType.LONG, ColumnType.DOUBLE, ColumnType.STRING, ColumnType.BOOLEAN, ColumnType.DOUBLE),
                f.types());
        assertArrayEquals(new Object[]{2L, 2.5, null, false, Double.NaN}, f.row(1));
        MlflowException mixed = assertThrows(MlflowException.class,
                () -> json("{\"inputs\": {\"a\": [1, \"x\"]}}", null));
        assertTrue(mixed.getMessage().startsWith("Invalid input. Column 'a' mixes text and numbers"), mixed.getMessage());
    }

    @Test
    void declaredColumnsAreCastToTheSignaturesTypes() {
        Schema s = Schema.of(ColumnSpec.required("i", ColumnType.INTEGER), ColumnSpec.required("f", ColumnType.FLOAT),
                ColumnSpec.required("d", ColumnType.DOUBLE), ColumnSpec.required("t", ColumnType.STRING));
        InputFrame f = json("{\"dataframe_split\": {\"columns\": [\"i\", \"f\", \"d\", \"t\"],"
                + " \"data\": [[2.9, 0.1, null, 7], [\"-3\", \"1e2\", \" inf \", \"x\"]]}}", s);
        assertEquals(List.of(ColumnType.INTEGER, ColumnType.FLOAT, ColumnType.DOUBLE, ColumnType.STRING), f.types());
        // a fraction in an integer column is truncated and a number in a string column becomes text, as pandas
        // astype and Spark's cast leave them
        assertArrayEquals(new Object[]{2, 0.1f, Double.NaN, "7"}, f.row(0));
        assertArrayEquals(new Object[]{-3, 100f, Double.POSITIVE_INFINITY, "x"}, f.row(1));
        MlflowException big = assertThrows(MlflowException.class,
                () -> json("{\"inputs\": {\"i\": [3000000000]}}", s));
        assertTrue(big.getMessage().contains("to type 'int32'"), big.getMessage());
    }

    @Test
    void splitWithoutColumnsNumbersThem() {
        InputFrame f = json("{\"dataframe_split\": {\"data\": [[1, \"a\"], [2, \"b\"]]}}", null);
        assertEquals(List.of("0", "1"), f.columns());
        assertEquals(2, f.size());
    }

    @Test
    void csvIsReadAsReadCsvReadsIt() {
        InputFrame f = RequestParser.parse(",name,n,x,flag\r\n0,\"Smith, \"\"J\"\"\",1,,True\n1,b,2,2.5,False\n",
                "text/csv; charset=UTF-8", null).frame();
        assertEquals(List.of("Unnamed: 0", "name", "n", "x", "flag"), f.columns());
        assertEquals(List.of(ColumnType.LONG, ColumnType.STRING, ColumnType.LONG, ColumnType.DOUBLE, ColumnType.BOOLEAN),
                f.types());
        assertArrayEquals(new Object[]{0L, "Smith, \"J\"", 1L, Double.NaN, true}, f.row(0));
        Schema s = Schema.of(ColumnSpec.required("n", ColumnType.DOUBLE));
        MlflowException bad = assertThrows(MlflowException.class,
                () -> RequestParser.parse("n\nabc\n", "text/csv", s));
        assertEquals("Failed to parse input as a Pandas DataFrame. Ensure that the input is a valid CSV-formatted Pandas"
                + " DataFrame produced using the `pandas.DataFrame.to_csv()` method. Error: 'ValueError(\"could not convert"
                + " string to float: 'abc'\")'", bad.getMessage());
        assertThrows(MlflowException.class, () -> RequestParser.parse("a,b\n1,2,3\n", "text/csv", null));
        assertThrows(MlflowException.class, () -> RequestParser.parse("", "text/csv", null));
    }

    @Test
    void pythonReprsAsMlflowPrintsThem() {
        assertEquals("1e-05", PythonRepr.number(0.00001));
        assertEquals("1.0", PythonRepr.number(1.0));
        assertEquals("2.5", PythonRepr.number(2.5));
        assertEquals("\"it's\"", PythonRepr.string("it's"));
        assertEquals("['a', 'b']", PythonRepr.list(List.of("a", "b")));
        // pandas: a blank before every value and before a numeric column's name, columns joined by one blank
        assertEquals("   a     b\n0  1   x.5\n1  2  None", PandasRepr.frame(new InputFrame(List.of("a", "b"),
                List.of(ColumnType.LONG, ColumnType.STRING), List.of(new Object[]{1L, "x.5"}, new Object[]{2L, null}))));
    }
}
