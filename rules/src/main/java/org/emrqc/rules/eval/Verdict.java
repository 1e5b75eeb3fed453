package org.emrqc.rules.eval;

/**
 * A reviewer's verdict on a finding: by its id, or by record + rule (+ a quote one of its evidence spans contains);
 * true when the finding is a real defect. {@code where} names the verdict's file and line.
 */
public record Verdict(String findingId, String record, String rule, String quote, boolean confirmed, String note, String where) {

    /** Whether this verdict is about the finding. */
    public boolean matches(RunFinding f) {
        if (findingId != null && !findingId.isBlank()) {
            // ids are unique within a record; records from different sources may reuse local ids
            return findingId.equals(f.id()) && (record == null || record.isBlank() || record.equals(f.record()) || record.equals(f.patient()));
        }
        if (rule == null || !rule.equals(f.ruleId())) return false;
        if (record == null || !(record.equals(f.record()) || record.equals(f.patient()) || FindingsRun.recordName(record).equals(f.record()))) return false;
        return quote == null || quote.isBlank() || f.quotes(quote) || f.detail().contains(quote);
    }
}
