package dev.mlsandbox.lab;

import dev.mlsandbox.report.Report;

/** The immutable outcome of a lab run: measured numbers, and the report built from them. */
public interface LabResult {
    Report report();
}
