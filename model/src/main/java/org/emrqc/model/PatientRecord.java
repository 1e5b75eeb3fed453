package org.emrqc.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One patient's record as the rules see it: the facts made from the resources of one bundle, NDJSON file or
 * message that belong to that patient, plus shared context (practitioners, documents without a subject).
 */
public final class PatientRecord {
    private final String source;
    private final PatientFact patient;
    private final List<Fact> facts = new ArrayList<>();

    public PatientRecord(String source, PatientFact patient) {
        this.source = source;
        this.patient = patient;
    }

    /** Where the record came from, for messages (file name, and line for NDJSON). */
    public String getSource() { return source; }
    /** The patient, or null when the input holds no Patient resource. */
    public PatientFact getPatient() { return patient; }
    public String getPatientRef() { return patient == null ? null : patient.getRef(); }
    /** All facts, the patient included. */
    public List<Fact> getFacts() { return Collections.unmodifiableList(facts); }
    public void add(Fact f) { facts.add(f); }

    private java.util.Map<String, String> inputReferences = java.util.Map.of();

    /**
     * How the input names its resources where "Type/id" would resolve nowhere: "Type/id" → the entry's
     * {@code urn:uuid:} (or {@code urn:oid:}) fullUrl, so findings reference resources as the input does.
     */
    public java.util.Map<String, String> getInputReferences() { return inputReferences; }
    public void setInputReferences(java.util.Map<String, String> refs) { this.inputReferences = refs == null ? java.util.Map.of() : refs; }

    public <T extends Fact> List<T> facts(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Fact f : facts) if (type.isInstance(f)) out.add(type.cast(f));
        return out;
    }

    public EncounterFact encounter(String id) {
        if (id == null) return null;
        for (Fact f : facts) if (f instanceof EncounterFact e && id.equals(e.getId())) return e;
        return null;
    }
}
