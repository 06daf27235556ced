/**
 * What every lab has in common (docs/architecture.md, "Labs").
 *
 * <p>A {@link dev.mlsandbox.lab.Lab} is configured by an immutable options record, a
 * {@link dev.mlsandbox.lab.LabOptions} whose components are its parameters, each documented with
 * {@link dev.mlsandbox.lab.Parameter}; {@link dev.mlsandbox.lab.LabParameters} turns them into a
 * parameter map and back, the form the CLI, the tour and bundles configure labs in. The lab runs
 * against a {@link dev.mlsandbox.lab.LabContext} (the SparkSession, a
 * {@link dev.mlsandbox.lab.Progress} sink and a {@link dev.mlsandbox.lab.RunTracker}), inside
 * {@link dev.mlsandbox.lab.LabContext#logged} so that its run is logged, and returns an immutable
 * {@link dev.mlsandbox.lab.LabResult}: the measured numbers, and a report built from them.
 * {@link dev.mlsandbox.lab.LabDescriptor} is a lab's catalog entry (name, summary, cost, options,
 * factory); {@link dev.mlsandbox.lab.LabRunner} binds a lab to the Sandbox's session for notebooks:
 * {@code sandbox.pipelineLab().run(options)}. The package depends on no concept package: tracking
 * implements {@code RunTracker}, not the other way round.
 */
package dev.mlsandbox.lab;
