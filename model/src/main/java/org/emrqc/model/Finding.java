package org.emrqc.model;

import java.util.List;
import java.util.Map;

/**
 * One QC finding: which rule fired, on which resources, why (the values), and what it costs the record.
 * {@link #stableId()} is the same for the same rule, implicated resources and pack version, so consumers can
 * upsert.
 */
public record Finding(
        String ruleId,
        String title,
        DefectClass defectClass,
        Severity severity,
        double points,
        boolean veto,
        String patientRef,
        String encounterRef,
        List<String> implicated,
        List<String> evidence,
        Map<String, Object> values,
        List<EvidenceSpan> spans,
        String detailEn,
        String detailZh,
        String fixHint,
        String reference,
        String regulation,
        String packVersion,
        String region,
        String stableId) {
}
