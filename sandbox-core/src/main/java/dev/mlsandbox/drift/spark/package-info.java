/**
 * The drift engine on Spark DataFrames, for data larger than one machine's memory: bins from
 * distributed quantiles ({@code approxQuantile}), bin counts by one aggregation pass, and an exact
 * KS statistic and Wasserstein distance from one distributed sort (range-partitioned, so it spills
 * to disk instead of needing the data in memory). See docs/drift.md for the exactness trade-off.
 */
package dev.mlsandbox.drift.spark;
