/** Test support shared by every module: the one SparkSession of a test JVM. */
package dev.mlsandbox.testing;
