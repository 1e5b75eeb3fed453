package org.emrqc.model;

import java.util.ArrayList;
import java.util.List;

/**
 * An order that is not a drug (FHIR ServiceRequest): an examination, a consultation, a transfusion, a nursing level,
 * a critical-illness notice 病危/病重 … Its kind (consultation, transfusion, critical-illness-notice …) is set from the
 * pack's {@code act-kinds} table before the rules run.
 */
public final class OrderFact extends CodedFact {
    private final List<Coding> categories = new ArrayList<>();
    private String categoryText;
    private String status;
    private String intent;
    private String priority;
    private Long authoredOn;
    private Long authoredOnLatest;
    private Long occurrence;
    private Long occurrenceLatest;
    private String kind;

    public OrderFact(String id) { super("ServiceRequest", id); }

    public List<Coding> getCategories() { return categories; }
    public String getCategoryText() { return categoryText; }
    public void setCategoryText(String categoryText) { this.categoryText = categoryText; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    /** Entered in error or revoked: the order did not stand. */
    @Override public boolean isVoided() { return "entered-in-error".equals(status) || "revoked".equals(status); }
    public String getIntent() { return intent; }
    public void setIntent(String intent) { this.intent = intent; }
    /** routine, urgent, asap, stat. */
    public String getPriority() { return priority; }
    public void setPriority(String priority) { this.priority = priority; }
    public boolean isUrgent() { return "stat".equals(priority) || "asap".equals(priority) || "urgent".equals(priority); }
    public Long getAuthoredOn() { return authoredOn; }
    public void setAuthoredOn(Long authoredOn) { this.authoredOn = authoredOn; }
    public Long getAuthoredOnLatest() { return authoredOnLatest != null ? authoredOnLatest : authoredOn; }
    public void setAuthoredOnLatest(Long latest) { this.authoredOnLatest = latest; }
    /** ServiceRequest.occurrence (its start, for a period). */
    public Long getOccurrence() { return occurrence; }
    public void setOccurrence(Long occurrence) { this.occurrence = occurrence; }
    public Long getOccurrenceLatest() { return occurrenceLatest != null ? occurrenceLatest : occurrence; }
    public void setOccurrenceLatest(Long latest) { this.occurrenceLatest = latest; }
    /** When the ordered act takes place: the occurrence, else the time the order was written. */
    public Long getTime() { return occurrence != null ? occurrence : authoredOn; }
    public Long getTimeLatest() { return occurrence != null ? getOccurrenceLatest() : getAuthoredOnLatest(); }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
}
