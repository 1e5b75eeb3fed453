package org.emrqc.model;

import java.util.List;

/**
 * A fact the rules match on. Every fact keeps the type and id of the resource it came from, so that each
 * finding can point back at it ({@link #getRef()} is "Type/id" as written in the input).
 */
public abstract class Fact {
    private final String resourceType;
    private final String id;
    private String patientId;
    private String encounterId;

    protected Fact(String resourceType, String id) {
        this.resourceType = resourceType;
        this.id = id;
    }

    public String getResourceType() { return resourceType; }
    public String getId() { return id; }
    /** "Type/id" reference to the source resource. */
    public String getRef() { return resourceType + "/" + id; }

    /** Id of the Patient this fact belongs to, if the resource names one. */
    public String getPatientId() { return patientId; }
    public void setPatientId(String patientId) { this.patientId = patientId; }

    /** Id of the Encounter this fact belongs to, if the resource names one. */
    public String getEncounterId() { return encounterId; }
    public void setEncounterId(String encounterId) { this.encounterId = encounterId; }

    public String getEncounterRef() { return encounterId == null ? null : "Encounter/" + encounterId; }

    /** First coding whose system is the given one, else null. */
    protected static Coding first(List<Coding> codings, String system) {
        for (Coding c : codings) {
            if (system.equals(c.getSystem())) return c;
        }
        return null;
    }

    @Override public String toString() { return getRef(); }
}
