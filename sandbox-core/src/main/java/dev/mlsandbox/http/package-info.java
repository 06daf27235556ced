/**
 * The one HTTP layer every module's endpoints go through: a {@link dev.mlsandbox.http.RouteTable}
 * read top to bottom with path parameters ({@code /serving-endpoints/{name}/invocations}), one
 * {@link dev.mlsandbox.http.Request} reader with MLflow's parameter conventions and content
 * types, MLflow-shaped JSON errors ({@link dev.mlsandbox.http.MlflowException}, {@link
 * dev.mlsandbox.http.ErrorCode}), the one configured JSON mapper ({@link dev.mlsandbox.http.Json}),
 * and the engine ({@link dev.mlsandbox.http.HttpApp}). It knows no concept: tracking, the registry
 * and later modules register their routes here.
 */
package dev.mlsandbox.http;
