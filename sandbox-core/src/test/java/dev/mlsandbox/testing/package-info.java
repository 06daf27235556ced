/**
 * Test support shared by every module: the one SparkSession of a test JVM, and a progress sink
 * that checks a lab reports every step it plans.
 */
package dev.mlsandbox.testing;
