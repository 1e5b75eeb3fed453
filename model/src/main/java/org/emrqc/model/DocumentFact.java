package org.emrqc.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A clinical document: a Composition (sections) or a DocumentReference (attachment). Carries the document type,
 * the pack-specific kind ({@link #getKind()}, e.g. admission-record, set from the pack's document-type table),
 * authors, attesters, when it was written and when it was signed.
 */
public final class DocumentFact extends CodedFact {
    private final List<String> authorIds = new ArrayList<>();
    private final List<String> attesterIds = new ArrayList<>();
    private final List<DocumentSection> sections = new ArrayList<>();
    private String title;
    private String status;
    private Long date;
    private Long dateLatest;
    private Long signedAt;
    private Long signedAtLatest;
    private String kind;
    private String roundKind;
    private String narrative;

    public DocumentFact(String resourceType, String id) { super(resourceType, id); }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    /** Composition.status or DocumentReference.docStatus (preliminary, final, amended ...). */
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public boolean isFinal() { return status == null || "final".equals(status) || "amended".equals(status); }
    /** Composition.date or DocumentReference.date. */
    public Long getDate() { return date; }
    public void setDate(Long date) { this.date = date; }
    /** The latest instant {@link #getDate()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getDateLatest() { return dateLatest != null ? dateLatest : date; }
    public void setDateLatest(Long latest) { this.dateLatest = latest; }
    /** Signing time: Composition.attester.time (legal first), or null. */
    public Long getSignedAt() { return signedAt; }
    public void setSignedAt(Long signedAt) { this.signedAt = signedAt; }
    /** The latest instant {@link #getSignedAt()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getSignedAtLatest() { return signedAtLatest != null ? signedAtLatest : signedAt; }
    public void setSignedAtLatest(Long latest) { this.signedAtLatest = latest; }
    /** When the document was completed: the signing time, else its date. */
    public Long getCompletedAt() { return signedAt != null ? signedAt : date; }
    /** The latest instant the completion time may stand for (the end of its day when only a date is known). */
    public Long getCompletedLatest() { return signedAt != null ? getSignedAtLatest() : getDateLatest(); }
    public boolean isSigned() { return signedAt != null || !attesterIds.isEmpty(); }

    public List<String> getAuthorIds() { return authorIds; }
    public List<String> getAttesterIds() { return attesterIds; }
    public boolean isHasAuthor() { return !authorIds.isEmpty(); }
    public List<DocumentSection> getSections() { return sections; }
    /** Narrative text: Composition sections joined, or the decoded attachment. */
    public String getNarrative() { return narrative; }
    public void setNarrative(String narrative) {
        this.narrative = narrative;
        this.compact = null;
    }

    private String compact;

    /** The narrative without white space, Latin letters upper-cased: what text checks search (computed once). */
    public String getCompactNarrative() {
        String c = compact;
        if (c == null && narrative != null) compact = c = narrative.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
        return c;
    }

    /** The document kind from the pack's document-type table (admission-record, operative-note ...), or null. */
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }

    /**
     * For a note that records a physician's round (a round note, or a progress note saying "XX主治医师查房"):
     * superior-round (attending) or senior-round (副主任/主任); null otherwise.
     */
    public String getRoundKind() { return roundKind; }
    public void setRoundKind(String roundKind) { this.roundKind = roundKind; }
}
