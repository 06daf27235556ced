package dev.mlsandbox.registry.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mlsandbox.testing.SharedSpark;

class SchemaEnforcementTest {

    /** case name, accepted, a fragment the message must contain. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("missing-column", false, "Model is missing inputs ['support_calls']"),
                Arguments.of("extra-column", true, "extra inputs in the model input that are not defined in the model signature: ['customer_id']"),
                Arguments.of("int-to-long", true, "tenure_months widened from integer to long"),
                Arguments.of("int-to-double", true, "total_charges widened from integer to double"),
                Arguments.of("long-to-int", false, "Can not safely convert long to integer"),
                Arguments.of("double-to-float", false, "Can not safely convert double to float"),
                Arguments.of("long-to-double", false, "Can not safely convert long to double"),
                Arguments.of("string-to-double", false, "Can not safely convert string to double"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseGetsMlflowsVerdict(String name, boolean accepted, String fragment) {
        SignatureCases.Case c = SignatureCases.all().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        EnforcementResult r = SchemaEnforcement.check(SignatureCases.DECLARED, c.provided());
        assertEquals(accepted, r.accepted(), r.message());
        assertEquals(c.expectedAccepted(), r.accepted());
        assertTrue(r.message().contains(fragment), r.message());
    }

    @Test
    void theCaseTableCoversTheEightNamedCases() {
        assertEquals(List.of("missing-column", "extra-column", "int-to-long", "int-to-double", "long-to-int",
                "double-to-float", "long-to-double", "string-to-double"),
                SignatureCases.all().stream().map(SignatureCases.Case::name).toList());
    }

    @Test
    void extraColumnIsAWarningNotAnError() {
        EnforcementResult r = SchemaEnforcement.check(Schema.of(ColumnSpec.required("a", ColumnType.DOUBLE)),
                Map.of("a", ColumnType.DOUBLE, "b", ColumnType.STRING));
        assertTrue(r.accepted());
        assertEquals(1, r.warnings().size());
        assertTrue(r.widened().isEmpty());
    }

    @Test
    void optionalColumnMayBeAbsentButNotMistyped() {
        Schema s = Schema.of(ColumnSpec.required("a", ColumnType.DOUBLE), ColumnSpec.optional("b", ColumnType.INTEGER));
        assertTrue(SchemaEnforcement.check(s, Map.of("a", ColumnType.DOUBLE)).accepted());
        assertFalse(SchemaEnforcement.check(s, Map.of("a", ColumnType.DOUBLE, "b", ColumnType.DOUBLE)).accepted());
    }

    @Test
    void missingAndExtraAreBothNamed() {
        EnforcementResult r = SchemaEnforcement.check(Schema.of(ColumnSpec.required("a", ColumnType.DOUBLE)),
                Map.of("z", ColumnType.DOUBLE));
        assertFalse(r.accepted());
        assertTrue(r.message().contains("['a']") && r.message().contains("extra inputs: ['z']"), r.message());
    }

    @Test
    void widenTableIsExactlyMlflows() {
        for (ColumnType from : ColumnType.values()) {
            for (ColumnType to : ColumnType.values()) {
                SchemaEnforcement.Conversion c = SchemaEnforcement.conversion(from, to);
                boolean widen = (from == ColumnType.INTEGER && (to == ColumnType.LONG || to == ColumnType.DOUBLE))
                        || (from == ColumnType.FLOAT && to == ColumnType.DOUBLE);
                SchemaEnforcement.Conversion expected = from == to ? SchemaEnforcement.Conversion.SAME
                        : widen ? SchemaEnforcement.Conversion.WIDEN : SchemaEnforcement.Conversion.REFUSED;
                assertEquals(expected, c, from + " -> " + to);
            }
        }
    }

    @Test
    void enforceOnAFrameCastsDropsAndReorders() {
        StructType provided = new StructType().add("extra", DataTypes.StringType).add("b", DataTypes.IntegerType)
                .add("a", DataTypes.FloatType);
        Dataset<Row> frame = SharedSpark.session().createDataFrame(List.of(RowFactory.create("x", 3, 1.5f)), provided);
        Schema declared = Schema.of(ColumnSpec.required("a", ColumnType.DOUBLE), ColumnSpec.required("b", ColumnType.LONG));
        Dataset<Row> out = SchemaEnforcement.enforce(declared, frame);
        assertEquals(List.of("a", "b"), List.of(out.columns()));
        assertEquals(DataTypes.DoubleType, out.schema().apply("a").dataType());
        assertEquals(DataTypes.LongType, out.schema().apply("b").dataType());
        assertEquals(3L, out.first().getLong(1));

        Schema narrower = Schema.of(ColumnSpec.required("b", ColumnType.INTEGER), ColumnSpec.required("a", ColumnType.FLOAT),
                ColumnSpec.required("extra", ColumnType.DOUBLE));
        SchemaViolation v = assertThrows(SchemaViolation.class, () -> SchemaEnforcement.enforce(narrower, frame));
        assertTrue(v.getMessage().contains("column extra"), v.getMessage());
    }
}
