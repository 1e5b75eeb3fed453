package org.emrqc.model;

import java.util.List;

/**
 * The findings of one patient record with its score and grade, the notices of rules that were not evaluated for it
 * or could not verify something from its data, and the national indicators whose denominator it is in.
 */
public record RecordResult(String source, String patientRef, List<Finding> findings, double score, String grade,
                           boolean vetoed, String packVersion, String region, List<RuleNotice> notices, List<IndicatorResult> indicators,
                           Long periodStart, Long periodEnd, java.util.Map<String, String> inputReferences) {

    public RecordResult {
        notices = notices == null ? List.of() : List.copyOf(notices);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        inputReferences = inputReferences == null ? java.util.Map.of() : java.util.Map.copyOf(inputReferences);
    }

    /** A reference as the input makes it: its urn:uuid fullUrl where it has one, else "Type/id". */
    public String inputReference(String ref) { return ref == null ? null : inputReferences.getOrDefault(ref, ref); }

    public RecordResult(String source, String patientRef, List<Finding> findings, double score, String grade,
                        boolean vetoed, String packVersion, String region, List<RuleNotice> notices) {
        this(source, patientRef, findings, score, grade, vetoed, packVersion, region, notices, List.of());
    }

    public RecordResult(String source, String patientRef, List<Finding> findings, double score, String grade,
                        boolean vetoed, String packVersion, String region, List<RuleNotice> notices, List<IndicatorResult> indicators) {
        this(source, patientRef, findings, score, grade, vetoed, packVersion, region, notices, indicators, null, null, null);
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
