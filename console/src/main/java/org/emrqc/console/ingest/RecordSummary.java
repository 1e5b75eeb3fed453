package org.emrqc.console.ingest;

import java.time.Instant;
import java.util.Map;

/** What the console shows of a record besides its findings: names, department, attending, stay, timeliness, the
 * national indicators whose denominator it is in. */
public record RecordSummary(String patientName, String encounterRef, String department, String attending, String attendingRef,
                            Instant admittedAt, Instant dischargedAt, Map<String, Double> timeliness,
                            Map<String, Map<String, Object>> indicators) {
    public static final RecordSummary EMPTY = new RecordSummary(null, null, null, null, null, null, null, Map.of(), Map.of());
}
