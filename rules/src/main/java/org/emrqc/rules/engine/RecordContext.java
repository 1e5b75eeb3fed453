package org.emrqc.rules.engine;

import org.emrqc.model.PatientFact;

/**
 * The global {@code ctx}: the time the record is checked "as of" (for "in the future" and "still open"
 * rules) and the record's patient (null when the input has no Patient).
 */
public final class RecordContext {
    private final long now;
    private final PatientFact patient;

    public RecordContext(long now, PatientFact patient) {
        this.now = now;
        this.patient = patient;
    }

    public long getNow() { return now; }
    public PatientFact getPatient() { return patient; }
}
