package org.emrqc.model;

import java.util.List;

/** The findings of one patient record with its score and grade. */
public record RecordResult(String source, String patientRef, List<Finding> findings, double score, String grade,
                           boolean vetoed, String packVersion, String region) {
}
