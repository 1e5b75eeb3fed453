package org.emrqc.console.ingest;

import java.util.List;
import java.util.Map;

/** One patient record's result as a findings Bundle carries it: score, grade, veto, and its findings. */
public record CheckedRecord(String patientRef, double score, String grade, boolean vetoed, String packVersion, String region,
                            List<IssueData> findings) {

    /** One DetectedIssue, read back into plain values. */
    public record IssueData(String issueId, String ruleId, String title, String defectClass, String severity, double points,
                            boolean veto, String detailEn, String detailZh, String fixHint, String regulation, String reference,
                            String encounterRef, List<String> implicated, List<String> evidence, List<Map<String, Object>> spans,
                            String region, String packVersion, Map<String, Object> values) {
        /** The same issue with the values the rule reported (known when the record was checked in this process). */
        public IssueData withValues(Map<String, Object> v) {
            return new IssueData(issueId, ruleId, title, defectClass, severity, points, veto, detailEn, detailZh, fixHint, regulation,
                    reference, encounterRef, implicated, evidence, spans, region, packVersion, v);
        }
    }
}
