/**
 * The one database layer every module's tables live in: {@link dev.mlsandbox.store.Database}
 * (connections, one transaction per call, serialized writes), {@link dev.mlsandbox.store.Dialect}
 * (the only place that knows SQLite from PostgreSQL), {@link dev.mlsandbox.store.StoreUri} (the
 * {@code --backend-store-uri} forms), numbered {@link dev.mlsandbox.store.Migration}s per
 * component recorded in {@code schema_version}, {@link dev.mlsandbox.store.Sql} (statements with
 * bound values) and {@link dev.mlsandbox.store.StoreFailure} (a database failure, never a
 * client's mistake). It knows no concept and no HTTP.
 */
package dev.mlsandbox.store;
