package org.emrqc.rules.eval;

import java.util.List;

/**
 * One finding of a run as its findings bundle states it: the record (the input's name without folder and
 * extension), the patient, the rule, the DetectedIssue id, the implicated resources, the resources of its evidence
 * (supporting resources and the documents of its evidence spans), the quotes of its spans, and its message.
 */
public record RunFinding(String record, String patient, String ruleId, String id, List<String> implicated,
                         List<String> spanDocuments, List<String> quotes, String detail) {

    /** Whether the finding points at a resource: implicated, or the document of one of its evidence spans. */
    public boolean pointsAt(String ref) {
        return ref != null && (implicated.contains(ref) || spanDocuments.contains(ref));
    }

    /** Whether one of its quotes contains the text or lies inside it (overlapping evidence). */
    public boolean quotes(String text) {
        if (text == null || text.isEmpty()) return false;
        for (String q : quotes) if (!q.isEmpty() && (q.contains(text) || text.contains(q))) return true;
        return false;
    }
}
