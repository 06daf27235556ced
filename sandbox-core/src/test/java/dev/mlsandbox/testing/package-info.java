/**
 * Test support shared by every module: the one SparkSession of a test JVM, a progress sink that
 * checks a lab reports every step it plans, and the two store back ends the store suites run on
 * (SQLite, and PostgreSQL when {@code SANDBOX_TEST_POSTGRES_URI} names a server).
 */
package dev.mlsandbox.testing;
