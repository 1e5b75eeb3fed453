package org.emrqc.model;

import java.util.ArrayList;
import java.util.List;

/** A fact whose resource carries a primary CodeableConcept (Condition.code, Observation.code, ...). */
public abstract class CodedFact extends Fact {
    private final List<Coding> codings = new ArrayList<>();
    private String text;

    protected CodedFact(String resourceType, String id) { super(resourceType, id); }

    public List<Coding> getCodings() { return codings; }
    public void addCoding(Coding c) { codings.add(c); }

    /** CodeableConcept.text, else the first display. */
    public String getText() {
        if (text != null) return text;
        for (Coding c : codings) if (c.getDisplay() != null) return c.getDisplay();
        return null;
    }
    public void setText(String text) { this.text = text; }

    /** The first coding, or null when the concept is text only. */
    public Coding getCoding() { return codings.isEmpty() ? null : codings.get(0); }
    public String getCode() { return codings.isEmpty() ? null : codings.get(0).getCode(); }
    public String getSystem() { return codings.isEmpty() ? null : codings.get(0).getSystem(); }
    public boolean isCoded() { return !codings.isEmpty(); }

    public Coding coding(String system) { return first(codings, system); }
    /** The code in the given system, or null. */
    public String code(String system) {
        Coding c = first(codings, system);
        return c == null ? null : c.getCode();
    }

    private String laterality;
    private String note;

    /** Free-text notes of the resource (Observation.note, Procedure.note), joined by newlines, or null. */
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }

    /**
     * left, right or bilateral: from a body site (SNOMED laterality qualifier or its text) or the concept's
     * text (左/右/双侧, left/right/bilateral); null when none is stated.
     */
    public String getLaterality() {
        if (laterality != null) return laterality;
        String t = getText();
        // read once per text: many rules ask, and the text does not change once the fact is mapped
        if (!lateralityRead || !java.util.Objects.equals(t, lateralityText)) {
            lateralityText = t;
            lateralityOfText = Laterality.of(t);
            lateralityRead = true;
        }
        return lateralityOfText;
    }
    private transient String lateralityText;
    private transient String lateralityOfText;
    private transient boolean lateralityRead;
    public void setLaterality(String laterality) { this.laterality = laterality; }

    private java.util.Set<String> systemNames;
    private java.util.Set<String> restrictedIn = java.util.Set.of();

    /**
     * The knowledge-table names of its codings' systems (icd-10, loinc, rxnorm, snomed, or the URI), read once, so a
     * template can skip facts without a coding it looks at.
     */
    public java.util.Set<String> getSystemNames() {
        if (systemNames == null) {
            java.util.Set<String> s = new java.util.HashSet<>();
            for (Coding c : codings) s.add(CodeSystems.tableName(c.getSystem()));
            systemNames = s;
        }
        return systemNames;
    }

    /** Names of the restriction tables (sex-, age-restricted codes) that hold one of its codes; set before the session. */
    public java.util.Set<String> getRestrictedIn() { return restrictedIn; }
    public void setRestrictedIn(java.util.Set<String> tables) { this.restrictedIn = tables == null ? java.util.Set.of() : tables; }

    /** True when the resource was entered in error, refuted, cancelled or not done: rules skip it. */
    public boolean isVoided() { return false; }

    /** Human name for messages: text or display, else code. */
    public String getLabel() {
        String t = getText();
        if (t != null) return t;
        return getCode() == null ? getRef() : getCode();
    }
}
