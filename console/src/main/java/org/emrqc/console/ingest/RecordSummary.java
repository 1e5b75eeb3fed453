package org.emrqc.console.ingest;

import java.time.Instant;
import java.util.Map;

/** What the console shows of a record besides its findings: names, department, attending, stay, timeliness. */
public record RecordSummary(String patientName, String encounterRef, String department, String attending, String attendingRef,
                            Instant admittedAt, Instant dischargedAt, Map<String, Double> timeliness) {
    public static final RecordSummary EMPTY = new RecordSummary(null, null, null, null, null, null, null, Map.of());
}
