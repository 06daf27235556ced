package dev.mlsandbox.serving.protocol;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.Json;
import dev.mlsandbox.http.MlflowException;
import dev.mlsandbox.registry.signature.ColumnSpec;
import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.registry.signature.Schema;
import dev.mlsandbox.serving.InputFrame;

/**
 * The request side of MLflow's scoring protocol ({@code POST /invocations}, Databricks'
 * {@code /serving-endpoints/<name>/invocations}), as {@code mlflow/pyfunc/scoring_server} parses
 * it: the content type, then a JSON object with exactly one of {@code dataframe_split},
 * {@code dataframe_records}, {@code instances}, {@code inputs} (plus optional {@code params}),
 * or a CSV table. Errors are {@link MlflowException}s with MLflow's codes and message texts:
 * BAD_REQUEST for a body that is not a valid request (malformed JSON, no or two input keys, a
 * value that cannot take the signature's type), status 415 for a content type other than JSON or
 * CSV in UTF-8.
 *
 * <p>When the model has a signature, the columns it declares are cast to its types here, as
 * MLflow does before enforcing the schema ({@link ColumnCast}); {@link ScoringProtocol} then
 * enforces it.
 */
public final class RequestParser {

    /** MLflow's {@code SUPPORTED_FORMATS}, printed in this order (a Python set prints in hash order). */
    static final List<String> INPUT_KEYS = List.of("dataframe_split", "dataframe_records", "instances", "inputs");
    static final String PARAMS = "params";
    static final String REQUIRED_INPUT_FORMAT = "The input must be a JSON dictionary with exactly one of the input fields "
            + INPUT_KEYS.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", ", "{", "}"));
    static final String SCORING_PROTOCOL_CHANGE_INFO = "IMPORTANT: The MLflow Model scoring protocol has changed in"
            + " MLflow version 2.0. If you are seeing this error, you are likely using an outdated scoring request"
            + " format. To resolve the error, either update your request format or adjust your MLflow Model's"
            + " requirements file to specify an older version of MLflow (for example, change the 'mlflow' requirement"
            + " specifier to 'mlflow==1.30.0'). If you are making a request using the MLflow client (e.g. via"
            + " `mlflow.pyfunc.spark_udf()`), upgrade your MLflow client to a version >= 2.0 in order to use the new"
            + " request format. For more information about the updated MLflow Model scoring protocol in MLflow 2.0,"
            + " see https://mlflow.org/docs/latest/models.html#deploy-mlflow-models.";
    /** MLflow echoes the whole body in a JSON error; the sandbox keeps the first this many characters. */
    static final int ECHO_LIMIT = 1_000;

    /** Python's json module reads NaN, Infinity and -Infinity, which MLflow clients send for missing values. */
    private static final ObjectReader READER = Json.mapper().reader()
            .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());

    private RequestParser() {
    }

    /**
     * Parses a request body.
     *
     * @param body        the body, decoded as UTF-8
     * @param contentType the Content-Type header, e.g. {@code application/json; charset=utf-8}
     * @param signature   the model's input schema, or null for a model without a signature
     */
    public static ScoringRequest parse(String body, String contentType, Schema signature) {
        String mime = mimeType(contentType);
        if (mime.equals("text/csv")) {
            return new ScoringRequest(CsvInput.parse(body, signature), InputFormat.CSV, null, List.of());
        }
        return parseJson(body, signature);
    }

    /** MLflow's content-type rules: UTF-8 only, no parameter but charset, JSON or CSV; else 415. */
    static String mimeType(String contentType) {
        if (contentType == null) {
            throw unsupported("This predictor only supports the following content types: Types: ['text/csv',"
                    + " 'application/json']. Got 'None'.");
        }
        String[] parts = contentType.split(";");
        String mime = parts[0].strip().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String pair = parts[i].strip();
            int eq = pair.indexOf('=');
            params.put(eq < 0 ? pair : pair.substring(0, eq).strip(), eq < 0 ? "" : pair.substring(eq + 1).strip());
        }
        String charset = params.getOrDefault("charset", "utf-8").toLowerCase(Locale.ROOT);
        if (!charset.equals("utf-8")) {
            throw unsupported("The scoring server only supports UTF-8");
        }
        Set<String> unexpected = new LinkedHashSet<>(params.keySet());
        unexpected.remove("charset");
        if (!unexpected.isEmpty()) {
            throw unsupported("Unrecognized content type parameters: " + String.join(", ", unexpected) + ". "
                    + SCORING_PROTOCOL_CHANGE_INFO);
        }
        if (!mime.equals("application/json") && !mime.equals("text/csv")) {
            throw unsupported("This predictor only supports the following content types: Types: ['text/csv',"
                    + " 'application/json']. Got '" + contentType + "'.");
        }
        return mime;
    }

    private static MlflowException unsupported(String message) {
        return new MlflowException(ErrorCode.BAD_REQUEST, 415, message);
    }

    static ScoringRequest parseJson(String body, Schema signature) {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("Ensure that input is a valid JSON formatted string. Error: '" + decodeError(e) + "'\nInput: \n"
                    + echo(body) + "\n");
        }
        if (root == null || root.isMissingNode()) {
            throw invalid("Ensure that input is a valid JSON formatted string. Error: 'JSONDecodeError(\"Expecting"
                    + " value: line 1 column 1 (char 0)\")'\nInput: \n" + echo(body) + "\n");
        }
        if (root.isArray()) {
            throw invalid(REQUIRED_INPUT_FORMAT + ". Received a list.");
        }
        if (!root.isObject()) {
            throw invalid(REQUIRED_INPUT_FORMAT + ". Received unexpected input type '" + PythonRepr.type(root) + ".");
        }
        List<String> keys = new ArrayList<>();
        List<String> inputKeys = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            keys.add(k);
            if (INPUT_KEYS.contains(k)) {
                inputKeys.add(k);
            }
        }
        if (inputKeys.size() != 1) {
            String message = REQUIRED_INPUT_FORMAT + ". Received dictionary with input fields: " + PythonRepr.list(inputKeys)
                    + ". " + SCORING_PROTOCOL_CHANGE_INFO;
            if (!keys.equals(inputKeys)) {
                message += " (Keys in the request body: " + PythonRepr.list(keys) + ".)";
            }
            throw new MlflowException(ErrorCode.BAD_REQUEST, message);
        }
        InputFormat format = InputFormat.ofKey(inputKeys.get(0));
        JsonNode params = root.get(PARAMS);
        List<String> warnings = new ArrayList<>();
        if (params != null && !params.isNull() && !(params.isContainerNode() && params.isEmpty())) {
            warnings.add("`params` can only be specified at inference time if the model signature defines a params"
                    + " schema. This model does not define a params schema. Ignoring provided params: "
                    + PythonRepr.value(params));
        }
        JsonNode data = root.get(format.key());
        Table table = switch (format) {
            case DATAFRAME_SPLIT -> split(data);
            case DATAFRAME_RECORDS -> records(data);
            default -> tfServing(format, data);
        };
        return new ScoringRequest(table.frame(signature), format, params, warnings);
    }

    /** pandas' split orient: {@code columns} (optional), {@code data} rows, {@code index} (optional, dropped). */
    private static Table split(JsonNode split) {
        if (!split.isObject()) {
            throw invalid("Dataframe split format must be a dictionary. Got " + (split.isArray() ? "list"
                    : "type " + PythonRepr.type(split)) + ".");
        }
        List<String> keys = new ArrayList<>();
        split.fieldNames().forEachRemaining(keys::add);
        boolean extra = keys.stream().anyMatch(k -> !Set.of("columns", "data", "index").contains(k));
        if (!keys.contains("data") || extra) {
            throw invalid("Dataframe split format must have 'data' field and optionally 'columns' and 'index' fields."
                    + " Got " + PythonRepr.set(keys) + ".'");
        }
        JsonNode data = split.get("data");
        if (!data.isArray()) {
            throw notADataFrame("split", "DataFrame constructor not properly called!");
        }
        List<String> columns = new ArrayList<>();
        JsonNode cols = split.get("columns");
        if (cols != null && !cols.isNull()) {
            if (!cols.isArray()) {
                throw notADataFrame("split", "Index(...) must be called with a collection of some kind, "
                        + PythonRepr.value(cols) + " was passed");
            }
            cols.forEach(c -> columns.add(c.asText()));
        }
        int width = columns.isEmpty() && data.size() > 0 ? rowLength(data.get(0)) : columns.size();
        if (columns.isEmpty()) {
            for (int c = 0; c < width; c++) {
                columns.add(Integer.toString(c)); // pandas numbers unnamed columns 0, 1, ...
            }
        }
        Table table = new Table(columns, "split");
        for (JsonNode row : data) {
            if (row.isArray()) {
                if (row.size() != width) {
                    throw notADataFrame("split", width + " columns passed, passed data had " + row.size() + " columns");
                }
                List<JsonNode> values = new ArrayList<>(width);
                row.forEach(values::add);
                table.add(values);
            } else if (width == 1 && !row.isObject()) {
                table.add(List.of(row)); // a list of scalars is one column
            } else {
                throw notADataFrame("split", width + " columns passed, passed data had 1 columns");
            }
        }
        JsonNode index = split.get("index");
        if (index != null && !index.isNull() && (!index.isArray() || index.size() != table.rows())) {
            throw notADataFrame("split", "Shape of passed values is (" + table.rows() + ", " + width + "), indices imply ("
                    + (index.isArray() ? index.size() : 1) + ", " + width + ")");
        }
        return table;
    }

    private static int rowLength(JsonNode row) {
        return row.isArray() ? row.size() : 1;
    }

    /** pandas' records orient: a list of objects; missing keys are missing values. */
    private static Table records(JsonNode records) {
        if (!records.isArray()) {
            throw invalid("Dataframe records format must be a list of records. Got " + (records.isObject() ? "dictionary"
                    : "type " + PythonRepr.type(records)) + ".");
        }
        return fromRecords(records, "records");
    }

    private static Table fromRecords(JsonNode records, String orient) {
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        for (JsonNode r : records) {
            if (!r.isObject()) {
                throw notADataFrame(orient, "record " + i + " is " + PythonRepr.type(r) + ", not a dictionary");
            }
            r.fieldNames().forEachRemaining(names::add);
            i++;
        }
        Table table = new Table(new ArrayList<>(names), orient);
        for (JsonNode r : records) {
            List<JsonNode> values = new ArrayList<>(names.size());
            for (String n : names) {
                values.add(r.get(n));
            }
            table.add(values);
        }
        return table;
    }

    /**
     * TF Serving's forms ({@code parse_tf_serving_input}): {@code instances} as a list of objects
     * (one per row), {@code inputs} as an object of columns (or a list of objects too). A list of
     * plain values or lists is a tensor input, which a model with named columns cannot take.
     */
    private static Table tfServing(InputFormat format, JsonNode data) {
        if (data.isArray()) {
            boolean allObjects = data.size() > 0;
            for (JsonNode r : data) {
                allObjects &= r.isObject();
            }
            if (allObjects) {
                return fromRecords(data, format.key());
            }
            if (data.size() == 0) {
                return new Table(new ArrayList<>(), format.key());
            }
            throw invalid("'" + format.key() + "' holds a list of " + (data.get(0).isArray() ? "lists" : "values")
                    + " (a tensor); a Spark model takes named columns: send a list of objects, one per row, or"
                    + " {\"inputs\": {\"column\": [values], ...}}");
        }
        if (!data.isObject()) {
            throw invalid("Failed to parse input data. '" + format.key() + "' must be a list of records or a dictionary"
                    + " of columns, got " + PythonRepr.type(data));
        }
        List<String> names = new ArrayList<>();
        data.fieldNames().forEachRemaining(names::add);
        int rows = -1;
        for (String n : names) {
            JsonNode col = data.get(n);
            int len = col.isArray() ? col.size() : 1;
            if (rows >= 0 && len != rows) {
                throw invalid("The length of values for each input/column name are not the same");
            }
            rows = len;
        }
        Table table = new Table(names, format.key());
        for (int r = 0; r < Math.max(rows, 0); r++) {
            List<JsonNode> values = new ArrayList<>(names.size());
            for (String n : names) {
                JsonNode col = data.get(n);
                values.add(col.isArray() ? col.get(r) : col);
            }
            table.add(values);
        }
        return table;
    }

    static MlflowException invalid(String message) {
        return new MlflowException(ErrorCode.BAD_REQUEST, "Invalid input. " + message);
    }

    private static MlflowException notADataFrame(String orient, String pandasError) {
        return invalid("Provided dataframe_" + orient + " field is not a valid dataframe representation in '" + orient
                + "' format. Error: '" + pandasError + "'");
    }

    private static String decodeError(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage().lines()
                .findFirst().orElse("");
        if (e.getLocation() != null) {
            what += ": line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr() + " (char "
                    + Math.max(0, e.getLocation().getCharOffset()) + ")";
        }
        return (e instanceof JsonParseException ? "JSONDecodeError" : "ValueError") + "(" + PythonRepr.string(what) + ")";
    }

    static String echo(String body) {
        return body.length() <= ECHO_LIMIT ? body
                : body.substring(0, ECHO_LIMIT) + "... (" + (body.length() - ECHO_LIMIT) + " more characters)";
    }

    /** Columns of JSON values, before typing. */
    static final class Table {
        private final List<String> columns;
        private final String orient;
        private final List<List<JsonNode>> rows = new ArrayList<>();

        Table(List<String> columns, String orient) {
            this.columns = columns;
            this.orient = orient;
            if (new LinkedHashSet<>(columns).size() != columns.size()) {
                throw notADataFrame(orient, "duplicate column names " + PythonRepr.list(columns)
                        + "; a Spark DataFrame needs unique names");
            }
        }

        void add(List<JsonNode> row) {
            rows.add(row);
        }

        int rows() {
            return rows.size();
        }

        /** Typed: declared columns cast to the signature's types, the others inferred. */
        InputFrame frame(Schema signature) {
            List<ColumnType> types = new ArrayList<>(columns.size());
            List<Object[]> values = new ArrayList<>(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                values.add(new Object[columns.size()]);
            }
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c);
                List<JsonNode> column = new ArrayList<>(rows.size());
                for (List<JsonNode> row : rows) {
                    column.add(row.get(c));
                }
                ColumnSpec declared = signature == null ? null : signature.column(name)
                        .filter(d -> d.dataType().isScalar()).orElse(null); // composites: see ColumnCast.nested
                Object[] typed;
                if (declared != null) {
                    typed = ColumnCast.cast(name, column, declared.type());
                    types.add(declared.type());
                } else {
                    ColumnCast.Column inferred = ColumnCast.infer(name, column);
                    typed = inferred.values();
                    types.add(inferred.type());
                }
                for (int r = 0; r < typed.length; r++) {
                    values.get(r)[c] = typed[r];
                }
            }
            return new InputFrame(columns, types, values);
        }
    }
}
