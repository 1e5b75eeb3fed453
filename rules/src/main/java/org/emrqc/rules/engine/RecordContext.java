package org.emrqc.rules.engine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.emrqc.model.PatientFact;

/**
 * The global {@code ctx}: the time the record is checked "as of" (for "in the future" and "still open"
 * rules), the record's patient (null when the input has no Patient) and the zone the record's times are read in
 * (for calendar days: "the same day", "the day of admission").
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

    /** The calendar day of an instant in the record's zone, or null. */
    public LocalDate day(Long t) {
        return t == null ? null : java.time.Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
    }

    /**
     * True when two times known at their precision (each in [t, tLatest]) certainly fall on the same calendar day:
     * both are known to the day or better and their days are equal.
     */
    public boolean sameDay(Long a, Long aLatest, Long b, Long bLatest) {
        if (a == null || b == null) return false;
        LocalDate a0 = day(a);
        LocalDate b0 = day(b);
        return a0.equals(day(aLatest == null ? a : aLatest)) && b0.equals(day(bLatest == null ? b : bLatest)) && a0.equals(b0);
    }
}
