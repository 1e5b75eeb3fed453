package org.emrqc.model;

import java.util.ArrayList;
import java.util.List;

/** Consent: scope, category, status, when and by whom it was signed, what it covers. */
public final class ConsentFact extends CodedFact {
    private final List<String> performerIds = new ArrayList<>();
    private final List<String> coveredRefs = new ArrayList<>();
    private String status;
    private String scope;
    private Long dateTime;
    private Long dateTimeLatest;
    private String kind;

    public ConsentFact(String id) { super("Consent", id); }

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    /** Consent.dateTime: when it was signed. */
    public Long getDateTime() { return dateTime; }
    public void setDateTime(Long dateTime) { this.dateTime = dateTime; }
    /** The latest instant {@link #getDateTime()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getDateTimeLatest() { return dateTimeLatest != null ? dateTimeLatest : dateTime; }
    public void setDateTimeLatest(Long latest) { this.dateTimeLatest = latest; }
    public List<String> getPerformerIds() { return performerIds; }
    /** References ("Type/id") in provision.data: the acts this consent covers (e.g. Procedure/op-1). */
    public List<String> getCoveredRefs() { return coveredRefs; }
    /** consent-surgery, consent-anesthesia, consent-transfusion, consent-special, critical-notice, or consent when
     *  the category says no more; set from the pack's document-types table before the rules run. */
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
}
