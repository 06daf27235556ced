/**
 * What every lab has in common.
 *
 * <p>A {@link dev.mlsandbox.lab.Lab} is configured by an immutable options record (documented
 * defaults, a seed), runs against a {@link dev.mlsandbox.lab.LabContext} (the SparkSession, a
 * {@link dev.mlsandbox.lab.Progress} sink and a {@link dev.mlsandbox.lab.RunTracker} to log its
 * run through) and returns an immutable
 * {@link dev.mlsandbox.lab.LabResult}: the measured numbers, and a report built from them.
 * {@link dev.mlsandbox.lab.LabRunner} binds a lab to the Sandbox's session for notebooks:
 * {@code sandbox.pipelineLab().run(options)}. The package depends on no concept package: tracking
 * implements {@code RunTracker}, not the other way round.
 */
package dev.mlsandbox.lab;
