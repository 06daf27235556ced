/**
 * The request side of MLflow's scoring protocol, without HTTP: {@link
 * dev.mlsandbox.serving.protocol.RequestParser} reads a body as {@code mlflow models serve} and
 * Databricks Model Serving do (JSON with exactly one of {@code dataframe_split},
 * {@code dataframe_records}, {@code instances}, {@code inputs} plus optional {@code params}, or
 * {@code text/csv}; other content types are 415), casting the columns a signature declares as
 * pandas' {@code astype} would; {@link dev.mlsandbox.serving.protocol.ServingModel} enforces the
 * signature with the registry's {@link dev.mlsandbox.registry.signature.SchemaEnforcement},
 * scores with the row scorer (or Spark), and answers {@code {"predictions": [...]}}. Every
 * refusal is an {@link dev.mlsandbox.http.MlflowException} with MLflow's code and message shape:
 * BAD_REQUEST for a malformed body or a failing model, INVALID_PARAMETER_VALUE for rows that do
 * not fit the signature ("Failed to enforce schema of data ... Error: Model is missing inputs
 * ['a']"). An endpoint builds one ServingModel per served model and calls
 * {@code invoke(body, contentType)}.
 */
package dev.mlsandbox.serving.protocol;
