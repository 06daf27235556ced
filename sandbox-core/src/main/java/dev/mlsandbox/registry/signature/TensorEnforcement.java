package dev.mlsandbox.registry.signature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tensor-based signatures enforced as MLflow's {@code _enforce_tensor_schema} and
 * {@code _enforce_tensor_spec} do, for a frame of columns (the scoring server's
 * {@code dataframe_split} / {@code dataframe_records} input) and for a single tensor.
 */
final class TensorEnforcement {
    private TensorEnforcement() {
    }

    static EnforcementResult frame(Schema declared, Map<String, ? extends FieldType> provided) {
        List<String> notEnforced = new ArrayList<>();
        if (declared.hasInputNames()) {
            List<String> missing = new ArrayList<>();
            for (TensorSpec t : declared.tensors()) {
                if (!provided.containsKey(t.name())) {
                    missing.add(t.name());
                }
            }
            if (!missing.isEmpty()) {
                return EnforcementResult.refused("Model is missing inputs " + SchemaEnforcement.pyList(missing)
                        + ". Every tensor of the signature is a column of the frame; add "
                        + (missing.size() == 1 ? "it" : "them") + ".");
            }
            List<String> columns = new ArrayList<>();
            for (TensorSpec t : declared.tensors()) {
                String refused = column(t.name(), provided.get(t.name()), t, notEnforced);
                if (refused != null) {
                    return EnforcementResult.refused(refused);
                }
                columns.add(t.name());
            }
            List<String> extra = provided.keySet().stream().filter(n -> !columns.contains(n)).toList();
            List<String> warnings = extra.isEmpty() ? List.of() : List.of("Found extra inputs in the model input that are"
                    + " not defined in the model signature: " + SchemaEnforcement.pyList(extra) + ". These inputs will be ignored.");
            return accepted(warnings, columns, notEnforced);
        }
        TensorSpec t = declared.tensors().get(0);
        List<String> names = new ArrayList<>(provided.keySet());
        if (names.isEmpty()) {
            return EnforcementResult.refused("Input DataFrame is empty.");
        }
        if (names.size() == 1) {
            String refused = column(null, provided.get(names.get(0)), t, notEnforced);
            return refused != null ? EnforcementResult.refused(refused) : accepted(List.of(), names, notEnforced);
        }
        if (!t.shape().equals(List.of(-1L, (long) names.size()))) {
            return EnforcementResult.refused("This model contains a model signature with an unnamed input. Since the input"
                    + " data is a pandas DataFrame containing multiple columns, the input shape must be of the structure"
                    + " (-1, number_of_dataframe_columns). Instead, the input DataFrame passed had " + names.size()
                    + " columns and an input shape of " + t.shapeRepr() + " with all values within the DataFrame of scalar"
                    + " type. Please adjust the passed in DataFrame to match the expected structure");
        }
        List<String> dtypes = new ArrayList<>();
        for (String n : names) {
            if (!(provided.get(n) instanceof ColumnType c)) {
                return EnforcementResult.refused("column " + n + " holds " + provided.get(n).repr() + " values; a frame"
                        + " read as one tensor " + t.repr() + " must hold scalars");
            }
            dtypes.add(c.numpyDtype());
        }
        String actual = commonDtype(dtypes);
        if (!actual.equals(t.dtype())) {
            return EnforcementResult.refused("dtype of input " + actual + " does not match expected dtype " + t.dtype()
                    + ". The frame's columns (" + String.join(", ", dtypes) + ") make one " + actual + " array; send "
                    + t.dtype() + " values.");
        }
        return accepted(List.of(), names, notEnforced);
    }

    /** One column as one tensor ({@code _reshape_and_cast_pandas_column_values}); null when it fits. */
    private static String column(String name, FieldType provided, TensorSpec t, List<String> notEnforced) {
        List<Long> shape = t.shape();
        String label = name == null ? "the unnamed input" : "input " + name;
        if (shape.isEmpty() || shape.get(0) != -1 || shape.subList(1, shape.size()).contains(-1L)) {
            return "For pandas dataframe input, the first dimension of shape must be a variable dimension and other"
                    + " dimensions must be fixed, but in model signature the shape of " + label + " is " + t.shapeRepr() + ".";
        }
        if (provided instanceof ColumnType c) {
            if (!shape.equals(List.of(-1L)) && !shape.equals(List.of(-1L, 1L))) {
                return "The input pandas dataframe column '" + (name == null ? "0" : name) + "' contains scalar values,"
                        + " which requires the shape to be (-1,) or (-1, 1), but got tensor spec shape of "
                        + t.shapeRepr() + ".";
            }
            boolean numericTarget = t.dtype().startsWith("int") || t.dtype().startsWith("uint")
                    || t.dtype().startsWith("float") || t.dtype().equals("bool");
            if (numericTarget && (c == ColumnType.STRING || c == ColumnType.BINARY || c == ColumnType.DATETIME)) {
                return "column " + (name == null ? "0" : name) + " holds " + c.mlflowName() + " values, which numpy cannot"
                        + " cast to " + t.dtype() + " (np.array(column, dtype=" + t.dtype() + ") fails); send numbers";
            }
            return null; // MLflow casts the scalars to the spec's dtype, so the dtype then matches
        }
        notEnforced.add((name == null ? "the unnamed tensor" : "tensor " + name) + " arrives as " + provided.repr()
                + " values: MLflow stacks the lists and reshapes them to " + t.shapeRepr() + " row by row, which depends"
                + " on the values' lengths, not on the column type");
        return null;
    }

    private static EnforcementResult accepted(List<String> warnings, List<String> columns, List<String> notEnforced) {
        List<String> notes = new ArrayList<>(warnings);
        notEnforced.forEach(n -> notes.add("Registered, not enforced: " + n + "."));
        return new EnforcementResult(true, notes.isEmpty() ? "Input matches the signature." : String.join(" ", notes),
                warnings, Map.of(), columns, notEnforced);
    }

    /** The dtype pandas' {@code to_numpy} gives a frame of these column dtypes. */
    static String commonDtype(List<String> dtypes) {
        if (dtypes.stream().distinct().count() == 1) {
            return dtypes.get(0);
        }
        boolean anyFloat = false;
        int intBytes = 0;
        int floatBytes = 0;
        for (String d : dtypes) {
            switch (d) {
                case "int32" -> intBytes = Math.max(intBytes, 4);
                case "int64" -> intBytes = Math.max(intBytes, 8);
                case "float32" -> {
                    anyFloat = true;
                    floatBytes = Math.max(floatBytes, 4);
                }
                case "float64" -> {
                    anyFloat = true;
                    floatBytes = Math.max(floatBytes, 8);
                }
                default -> {
                    return "object"; // bool, text or datetimes mixed with anything else
                }
            }
        }
        if (!anyFloat) {
            return "int" + intBytes * 8;
        }
        return intBytes > 0 || floatBytes == 8 ? "float64" : "float32";
    }

    /** {@code _enforce_tensor_spec}. */
    static EnforcementResult tensor(TensorSpec t, String dtype, List<Long> shape) {
        List<Long> expected = t.shape();
        if (expected.equals(List.of(-1L)) && t.dtype().equals("object")) {
            return accepted(List.of(), List.of(), List.of());
        }
        if (expected.size() > 1 && expected.subList(1, expected.size()).contains(-1L) && shape.size() == 1
                && dtype.equals("object")) {
            return accepted(List.of(), List.of(), List.of("a ragged input (object array of shape (" + shape.get(0)
                    + ",)) passes a spec with a variable inner dimension unchecked, as in MLflow"));
        }
        String actualShape = shape.size() == 1 ? "(" + shape.get(0) + ",)" : shape.toString().replace('[', '(').replace(']', ')');
        String mismatch = "Shape of input " + actualShape + " does not match expected shape " + t.shapeRepr() + ".";
        if (expected.size() != shape.size()) {
            return EnforcementResult.refused(mismatch + " The ranks differ: send " + expected.size() + " dimensions.");
        }
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) != -1 && !expected.get(i).equals(shape.get(i))) {
                return EnforcementResult.refused(mismatch + " Dimension " + i + " must be " + expected.get(i)
                        + " (-1 in the signature matches any size).");
            }
        }
        if (!dtype.equals(t.dtype())) {
            return EnforcementResult.refused("dtype of input " + dtype + " does not match expected dtype " + t.dtype()
                    + ". Tensors are not converted: cast the array to " + t.dtype() + " before sending it.");
        }
        Map<String, ColumnType> none = new LinkedHashMap<>();
        return new EnforcementResult(true, "Input matches the signature.", List.of(), none, List.of(), List.of());
    }
}
