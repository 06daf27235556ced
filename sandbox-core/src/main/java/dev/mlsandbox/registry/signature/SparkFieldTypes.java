package dev.mlsandbox.registry.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * MLflow types of Spark columns and back, as MLflow's {@code _infer_spark_type} maps them:
 * scalars to their {@link ColumnType}, {@code VectorUDT} to {@code sparkml_vector} (MLflow 2.15+),
 * {@code ArrayType} to {@code array}, {@code StructType} to {@code object} (a property is required
 * when its field is not nullable), and {@code MapType} to an {@code object} whose properties are
 * the keys found in the data (MLflow infers no {@code map} from Spark). Kept apart from the types
 * themselves so that reading a signature never loads Spark's classes.
 */
final class SparkFieldTypes {
    private SparkFieldTypes() {
    }

    /** Every column of the struct, required (MLflow sets no {@code required} for Spark frames). */
    static Schema schema(StructType struct, Dataset<Row> data) {
        List<ColumnSpec> cols = new ArrayList<>();
        for (StructField f : struct.fields()) {
            cols.add(ColumnSpec.required(f.name(), infer(f.name(), f.dataType(), data)));
        }
        return new Schema(cols);
    }

    /** The MLflow type of one Spark column; {@code data} (may be null) names a map column's keys. */
    static FieldType infer(String column, DataType type, Dataset<Row> data) {
        if (type.equals(SQLDataTypes.VectorType())) {
            return new SparkMLVectorType();
        }
        if (type instanceof org.apache.spark.sql.types.ArrayType a) {
            return new ArrayType(infer(column, a.elementType(), null));
        }
        if (type instanceof StructType s) {
            List<ObjectType.Property> props = new ArrayList<>();
            for (StructField f : s.fields()) {
                props.add(new ObjectType.Property(f.name(), infer(column + "." + f.name(), f.dataType(), null), !f.nullable()));
            }
            return new ObjectType(props);
        }
        if (type instanceof org.apache.spark.sql.types.MapType m) {
            if (m.valueType() instanceof org.apache.spark.sql.types.MapType) {
                throw new IllegalArgumentException("column '" + column + "' is a map of maps: MLflow's schema inference"
                        + " supports only scalar, array and struct values in maps; build the frame with a struct instead");
            }
            if (data == null) {
                throw new IllegalArgumentException("column '" + column + "' is a map: MLflow infers it as an object whose"
                        + " properties are the keys in the data, so infer the signature from the frame"
                        + " (ModelSignature.infer), not from its schema alone");
            }
            TreeSet<String> keys = new TreeSet<>();
            for (Row r : data.selectExpr("explode(map_keys(`" + column.replace("`", "``") + "`)) AS k").distinct()
                    .collectAsList()) {
                keys.add(String.valueOf(r.get(0)));
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("column '" + column + "' is a map with no keys in the data, so MLflow"
                        + " cannot infer its properties; infer the signature from rows whose maps hold keys");
            }
            FieldType value = infer(column, m.valueType(), null);
            List<ObjectType.Property> props = new ArrayList<>();
            keys.forEach(k -> props.add(new ObjectType.Property(k, value, true)));
            return new ObjectType(props);
        }
        return ColumnType.fromSpark(column, type);
    }

    /**
     * The MLflow type of a column a request or frame provides: as {@link #infer}, except that a map
     * stays a {@link MapType} (its keys are data, checked value by value).
     */
    static FieldType provided(String column, DataType type) {
        if (type instanceof org.apache.spark.sql.types.MapType m) {
            return new MapType(provided(column, m.valueType()));
        }
        if (type instanceof org.apache.spark.sql.types.ArrayType a) {
            return new ArrayType(provided(column, a.elementType()));
        }
        if (type instanceof StructType s) {
            List<ObjectType.Property> props = new ArrayList<>();
            for (StructField f : s.fields()) {
                props.add(new ObjectType.Property(f.name(), provided(column + "." + f.name(), f.dataType()), !f.nullable()));
            }
            return new ObjectType(props);
        }
        return infer(column, type, null);
    }

    /** The Spark schema of a column-based schema; unnamed columns are named by position. */
    static StructType struct(Schema schema) {
        StructType s = new StructType();
        List<ColumnSpec> cols = schema.columns();
        for (int i = 0; i < cols.size(); i++) {
            ColumnSpec c = cols.get(i);
            s = s.add(c.named() ? c.name() : String.valueOf(i), spark(c.dataType()), !c.required());
        }
        return s;
    }

    static DataType spark(FieldType t) {
        if (t instanceof ColumnType c) {
            return c.sparkType();
        }
        if (t instanceof SparkMLVectorType) {
            return SQLDataTypes.VectorType();
        }
        if (t instanceof ArrayType a) {
            return DataTypes.createArrayType(spark(a.items()));
        }
        if (t instanceof MapType m) {
            return DataTypes.createMapType(DataTypes.StringType, spark(m.values()));
        }
        if (t instanceof ObjectType o) {
            StructType s = new StructType();
            for (ObjectType.Property p : o.properties()) {
                s = s.add(p.name(), spark(p.type()), !p.required());
            }
            return s;
        }
        throw new IllegalArgumentException("MLflow's AnyType has no Spark type: a column of any JSON value cannot be a"
                + " Spark column");
    }
}
