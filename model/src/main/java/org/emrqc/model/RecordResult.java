package org.emrqc.model;

import java.util.List;

/**
 * The findings of one patient record with its score and grade, and the notices of rules that were not evaluated
 * for it or could not verify something from its data.
 */
public record RecordResult(String source, String patientRef, List<Finding> findings, double score, String grade,
                           boolean vetoed, String packVersion, String region, List<RuleNotice> notices) {

    public RecordResult {
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    public RecordResult(String source, String patientRef, List<Finding> findings, double score, String grade,
                        boolean vetoed, String packVersion, String region) {
        this(source, patientRef, findings, score, grade, vetoed, packVersion, region, List.of());
    }

    /** The rules that failed on this record and were skipped. */
    public List<RuleNotice> notEvaluated() {
        return notices.stream().filter(n -> n.kind() == RuleNotice.Kind.NOT_EVALUATED).toList();
    }
}
