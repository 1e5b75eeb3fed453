package org.emrqc.rules.check;

import org.emrqc.model.PatientRecord;

/**
 * A step that adds facts to a record before its rules run — the structuring stage (narrative → mentions and
 * sections) is one. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RecordStage {
    RecordStage NONE = record -> { };

    void apply(PatientRecord record);
}
