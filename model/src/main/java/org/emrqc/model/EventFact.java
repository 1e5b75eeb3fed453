package org.emrqc.model;

/**
 * A clinical event that requires a document or a consent: a transfer into a ward, a consultation requested, a
 * rescue, a death, a critical laboratory value, an operation, a transfusion, a critical-illness notice. Derived
 * before the rules run from the resource that records it (a ServiceRequest, a Procedure, an Encounter's location
 * history, an Observation flagged critical …); {@link #getRef()} is that resource, so a finding implicates it.
 */
public final class EventFact extends Fact {
    private final String kind;
    private final Long at;
    private final Long atLatest;
    private final Localized label;
    private boolean urgent;

    /**
     * @param at       when the event happened (for a rescue: when it ended); null when the source gives no time
     * @param atLatest the latest instant {@code at} may stand for at the source's precision
     */
    public EventFact(Fact source, String kind, Long at, Long atLatest, Localized label) {
        super(source.getResourceType(), source.getId());
        setPatientId(source.getPatientId());
        setEncounterId(source.getEncounterId());
        this.kind = kind;
        this.at = at;
        this.atLatest = atLatest != null ? atLatest : at;
        this.label = label;
    }

    /** transfer-in, consultation, rescue, death, critical-value, operation, transfusion, critical-illness-notice … */
    public String getKind() { return kind; }
    public Long getAt() { return at; }
    public Long getAtLatest() { return atLatest; }
    /** What happened, for messages: "转入ICU", "血钾 2.5 mmol/L", "腹腔镜胆囊切除术". */
    public Localized getLabel() { return label; }
    /** An emergency request (ServiceRequest.priority stat, asap or urgent). */
    public boolean isUrgent() { return urgent; }
    public void setUrgent(boolean urgent) { this.urgent = urgent; }

    @Override public String toString() { return kind + "@" + getRef(); }
}
