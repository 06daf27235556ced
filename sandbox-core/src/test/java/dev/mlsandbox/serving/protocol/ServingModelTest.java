package dev.mlsandbox.serving.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.MlflowException;
import dev.mlsandbox.registry.model.SparkModelFlavor;
import dev.mlsandbox.registry.signature.ColumnSpec;
import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.registry.signature.Schema;
import dev.mlsandbox.serving.InputFrame;
import dev.mlsandbox.serving.scorer.FittedPipelines;
import dev.mlsandbox.serving.scorer.Scorers;
import dev.mlsandbox.serving.scorer.SparkFreeJvm;
import dev.mlsandbox.testing.SharedSpark;

/**
 * The scoring protocol's request side on the pipeline lab's feature-engineering model: every input
 * format gives the same predictions, and every refusal has MLflow's code and message.
 */
class ServingModelTest {

    static final String JSON = "application/json";
    static final Schema INPUTS = Schema.of(
            ColumnSpec.required("plan", ColumnType.STRING),
            ColumnSpec.required("region", ColumnType.STRING),
            ColumnSpec.required("tenure_months", ColumnType.INTEGER),
            ColumnSpec.required("monthly_charges", ColumnType.DOUBLE),
            ColumnSpec.required("support_calls", ColumnType.INTEGER));

    static ServingModel model() {
        return Holder.MODEL;
    }

    private static final class Holder {
        static final ServingModel MODEL = ServingModel.of(Scorers.of(FittedPipelines.featureEngineering(),
                SharedSpark.session()), new ModelSignature(INPUTS, null));
    }

    static final String SPLIT = "{\"dataframe_split\": {\"columns\": [\"plan\", \"region\", \"tenure_months\","
            + " \"monthly_charges\", \"support_calls\"], \"data\": [[\"basic\", \"north\", 3, 82.5, 4],"
            + " [\"enterprise\", \"west\", 60, 110.0, 0]]}}";

    @Test
    void everyInputFormatGivesTheSamePredictions() {
        List<Object> expected = model().invoke(SPLIT, JSON).predictions();
        assertEquals(2, expected.size());
        assertTrue(model().scorer().engine().equals("compiled"));
        // the predictions are what the scorer gives for the same typed rows
        InputFrame rows = new InputFrame(INPUTS.names(), List.of(ColumnType.STRING, ColumnType.STRING, ColumnType.INTEGER,
                ColumnType.DOUBLE, ColumnType.INTEGER), List.of(new Object[]{"basic", "north", 3, 82.5, 4},
                new Object[]{"enterprise", "west", 60, 110.0, 0}));
        assertEquals(expected, model().scorer().score(rows).predictions());

        String records = "{\"dataframe_records\": [{\"plan\": \"basic\", \"region\": \"north\", \"tenure_months\": 3,"
                + " \"monthly_charges\": 82.5, \"support_calls\": 4}, {\"support_calls\": 0, \"plan\": \"enterprise\","
                + " \"region\": \"west\", \"tenure_months\": 60, \"monthly_charges\": 110}]}";
        String instances = records.replace("dataframe_records", "instances");
        String inputs = "{\"inputs\": {\"plan\": [\"basic\", \"enterprise\"], \"region\": [\"north\", \"west\"],"
                + " \"tenure_months\": [3, 60], \"monthly_charges\": [82.5, 110], \"support_calls\": [4, 0]}}";
        String indexed = SPLIT.replace("\"data\"", "\"index\": [7, 8], \"data\"");
        String csv = ",plan,region,tenure_months,monthly_charges,support_calls\n0,basic,north,3,82.5,4\n"
                + "1,enterprise,west,60,110.0,0\n";
        for (String body : List.of(records, instances, inputs, indexed)) {
            assertEquals(expected, model().invoke(body, "application/json; charset=utf-8").predictions(), body);
        }
        Invocation fromCsv = model().invoke(csv, "text/csv");
        assertEquals(expected, fromCsv.predictions());
        assertEquals(List.of("Found extra inputs in the model input that are not defined in the model signature:"
                + " ['Unnamed: 0']. These inputs will be ignored."), fromCsv.warnings());
        assertEquals(InputFormat.CSV, fromCsv.request().format());
    }

    @Test
    void theResponseIsAListOfPredictions() {
        Invocation one = model().invoke("{\"dataframe_split\": {\"columns\": [\"plan\", \"region\", \"tenure_months\","
                + " \"monthly_charges\", \"support_calls\"], \"data\": [[\"basic\", \"north\", 3, 82.5, 4]]},"
                + " \"params\": {\"k\": 1}}", JSON);
        assertTrue(one.body().matches("\\{\"predictions\":\\[[01]\\.0]}"), one.body());
        assertEquals(List.of("`params` can only be specified at inference time if the model signature defines a params"
                + " schema. This model does not define a params schema. Ignoring provided params: {'k': 1}"), one.warnings());
    }

    @Test
    void anythingButExactlyOneInputKeyIsRefusedNamingTheKeys() {
        MlflowException two = refused("{\"dataframe_split\": {\"data\": []}, \"instances\": []}", ErrorCode.BAD_REQUEST);
        assertTrue(two.getMessage().startsWith("The input must be a JSON dictionary with exactly one of the input fields"
                + " {'dataframe_split', 'dataframe_records', 'instances', 'inputs'}. Received dictionary with input fields:"
                + " ['dataframe_split', 'instances']. IMPORTANT: The MLflow Model scoring protocol has changed"),
                two.getMessage());
        MlflowException none = refused("{\"data\": [[1, 2]], \"columns\": [\"a\", \"b\"]}", ErrorCode.BAD_REQUEST);
        assertTrue(none.getMessage().contains("Received dictionary with input fields: []."), none.getMessage());
        assertTrue(none.getMessage().endsWith("(Keys in the request body: ['data', 'columns'].)"), none.getMessage());
        assertEquals("Invalid input. The input must be a JSON dictionary with exactly one of the input fields"
                + " {'dataframe_split', 'dataframe_records', 'instances', 'inputs'}. Received a list.",
                refused("[1, 2]", ErrorCode.BAD_REQUEST).getMessage());
    }

    @Test
    void malformedBodiesAreBadRequests() {
        MlflowException json = refused("{\"dataframe_split\": ", ErrorCode.BAD_REQUEST);
        assertTrue(json.getMessage().startsWith("Invalid input. Ensure that input is a valid JSON formatted string."
                + " Error: 'JSONDecodeError("), json.getMessage());
        assertTrue(json.getMessage().endsWith("Input: \n{\"dataframe_split\": \n"), json.getMessage());
        assertEquals("Invalid input. Dataframe split format must be a dictionary. Got list.",
                refused("{\"dataframe_split\": [1]}", ErrorCode.BAD_REQUEST).getMessage());
        assertEquals("Invalid input. Dataframe split format must have 'data' field and optionally 'columns' and 'index'"
                + " fields. Got {'columns', 'rows'}.'",
                refused("{\"dataframe_split\": {\"columns\": [\"a\"], \"rows\": []}}", ErrorCode.BAD_REQUEST).getMessage());
        assertEquals("Invalid input. Dataframe records format must be a list of records. Got dictionary.",
                refused("{\"dataframe_records\": {\"a\": 1}}", ErrorCode.BAD_REQUEST).getMessage());
        assertEquals("Invalid input. Provided dataframe_split field is not a valid dataframe representation in 'split'"
                + " format. Error: '5 columns passed, passed data had 4 columns'",
                refused(SPLIT.replace("[\"basic\", \"north\", 3, 82.5, 4]", "[\"basic\", \"north\", 3, 82.5]"),
                        ErrorCode.BAD_REQUEST).getMessage());
        assertEquals("Invalid input. The length of values for each input/column name are not the same",
                refused("{\"inputs\": {\"plan\": [\"basic\"], \"region\": [\"north\", \"west\"]}}", ErrorCode.BAD_REQUEST)
                        .getMessage());
    }

    @Test
    void valuesThatCannotTakeTheSignaturesTypeAreBadRequests() {
        assertEquals("Invalid input. Data is not compatible with model signature. Failed to convert column"
                + " monthly_charges to type 'float64'. Error: 'ValueError(\"could not convert string to float: 'abc'\")'",
                refused(SPLIT.replace("82.5", "\"abc\""), ErrorCode.BAD_REQUEST).getMessage());
        assertEquals("Invalid input. Data is not compatible with model signature. Failed to convert column"
                + " support_calls to type 'int32'. Error: 'IntCastingNaNError('Cannot convert non-finite values (NA or"
                + " inf) to integer')'", refused(SPLIT.replace(", 4]", ", null]"), ErrorCode.BAD_REQUEST).getMessage());
        // numeric text and whole floats are cast, as pandas' astype does
        assertEquals(model().invoke(SPLIT, JSON).predictions(),
                model().invoke(SPLIT.replace("82.5", "\"82.5\"").replace(" 3,", " 3.0,"), JSON).predictions());
    }

    @Test
    void aMissingColumnIsInvalidParameterValueWithMlflowsMessage() {
        String body = "{\"dataframe_records\": [{\"plan\": \"basic\", \"region\": \"north\", \"tenure_months\": 3,"
                + " \"monthly_charges\": 82.5}]}";
        MlflowException e = refused(body, ErrorCode.INVALID_PARAMETER_VALUE);
        String data = "    plan region  tenure_months  monthly_charges\n0  basic  north" + " ".repeat(14) + "3"
                + " ".repeat(13) + "82.5";
        assertTrue(e.getMessage().startsWith("Failed to predict data '" + data + "'. \nError: Failed to enforce schema of"
                + " data '" + data + "' with schema '['plan': string (required), 'region': string (required),"
                + " 'tenure_months': integer (required), 'monthly_charges': double (required), 'support_calls': integer"
                + " (required)]'. Error: Model is missing inputs ['support_calls']."), e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void aModelFailureIsBadRequest() {
        MlflowException unseen = refused(SPLIT.replace("\"basic\"", "\"platinum\""), ErrorCode.BAD_REQUEST);
        assertTrue(unseen.getMessage().startsWith("Encountered an unexpected error while evaluating the model. Verify"
                + " that the serialized input Dataframe is compatible with the model for inference. Error: Unseen label:"
                + " platinum."), unseen.getMessage());
        // NaN, as Python's json writes it, reaches the model, whose VectorAssembler refuses it
        MlflowException nan = refused(SPLIT.replace("82.5", "NaN"), ErrorCode.BAD_REQUEST);
        assertTrue(nan.getMessage().contains("Encountered NaN while assembling a row"), nan.getMessage());
    }

    @Test
    void contentTypesOtherThanJsonOrCsvInUtf8Are415() {
        for (String type : new String[]{"text/plain", "application/json; charset=latin-1", "application/json; format=pandas-split", null}) {
            MlflowException e = assertThrows(MlflowException.class, () -> model().invoke(SPLIT, type));
            assertEquals(415, e.status(), type);
        }
        MlflowException plain = assertThrows(MlflowException.class, () -> model().invoke(SPLIT, "text/plain"));
        assertEquals("This predictor only supports the following content types: Types: ['text/csv', 'application/json']."
                + " Got 'text/plain'.", plain.getMessage());
    }

    @Test
    void anMlflowModelServesWithoutSpark(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("model");
        SparkModelFlavor.save(FittedPipelines.featureEngineering(), dir, new ModelSignature(INPUTS, null), null, null, "model");
        Path body = Files.writeString(tmp.resolve("body.json"), SPLIT);
        Path out = tmp.resolve("answer.txt");
        SparkFreeJvm.run(ServingProbe.class, dir.toString(), body.toString(), out.toString());
        assertEquals("compiled: 5 stages score without Spark\n" + model().invoke(SPLIT, JSON).body(), Files.readString(out));
    }

    static MlflowException refused(String body, ErrorCode code) {
        MlflowException e = assertThrows(MlflowException.class, () -> model().invoke(body, JSON));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }
}
