package org.emrqc.rules.engine;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.emrqc.model.PatientFact;

/**
 * The global {@code ctx}: the time the record is checked "as of" (for "in the future" and "still open"
 * rules), the record's patient (null when the input has no Patient), and the zone its times are shown in.
 */
public final class RecordContext {
    private final long now;
    private final PatientFact patient;
    private final ZoneId zone;

    public RecordContext(long now, PatientFact patient) { this(now, patient, ZoneOffset.UTC); }

    public RecordContext(long now, PatientFact patient, ZoneId zone) {
        this.now = now;
        this.patient = patient;
        this.zone = zone == null ? ZoneOffset.UTC : zone;
    }

    public long getNow() { return now; }
    public PatientFact getPatient() { return patient; }
    public ZoneId getZone() { return zone; }
}
