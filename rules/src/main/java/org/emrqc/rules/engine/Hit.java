package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.Fact;

/** What a rule consequence reports: the rule, the implicated resources, evidence and the values that fired it. */
public final class Hit {
    private final String ruleId;
    private final List<String> implicated = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<org.emrqc.model.EvidenceSpan> spans = new ArrayList<>();
    private String encounterId;
    private int count = 1;

    Hit(String ruleId, Fact implicated) {
        this.ruleId = ruleId;
        if (implicated != null) {
            this.implicated.add(implicated.getRef());
            this.encounterId = implicated.getEncounterId();
        }
    }

    /** Another implicated resource. */
    public Hit also(Fact f) {
        if (f != null && !implicated.contains(f.getRef())) implicated.add(f.getRef());
        return this;
    }

    /** A supporting resource (for example the Encounter whose admission time starts the clock). */
    public Hit evidence(Fact f) {
        if (f != null && !evidence.contains(f.getRef()) && !implicated.contains(f.getRef())) evidence.add(f.getRef());
        if (f != null && encounterId == null) encounterId = f.getEncounterId();
        return this;
    }

    /** A value shown in the finding's message as {name}. */
    public Hit value(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** Evidence in narrative: the span of a mention (its document, offsets and quote). */
    public Hit span(org.emrqc.model.MentionFact m) {
        if (m != null) spans.add(org.emrqc.model.EvidenceSpan.of(m));
        return this;
    }

    /** Evidence in narrative: the content span of a section. */
    public Hit span(org.emrqc.model.SectionFact s) {
        if (s != null) spans.add(org.emrqc.model.EvidenceSpan.of(s));
        return this;
    }

    public List<org.emrqc.model.EvidenceSpan> spans() { return spans; }

    public Hit encounter(String id) {
        if (id != null) encounterId = id;
        return this;
    }

    /** How many hits this one stands for (more than one after {@link #merge}). */
    public int count() { return count; }

    /**
     * The hits of one rule on one stay as one: the first hit's values, every hit's implicated resources, evidence
     * and spans (in order, without repeats), and the count.
     */
    static Hit merge(List<Hit> hits) {
        Hit first = hits.get(0);
        Hit m = new Hit(first.ruleId, null);
        m.encounterId = first.encounterId;
        m.values.putAll(first.values);
        for (Hit h : hits) {
            for (String r : h.implicated) if (!m.implicated.contains(r)) m.implicated.add(r);
            for (String r : h.evidence) if (!m.evidence.contains(r)) m.evidence.add(r);
            for (org.emrqc.model.EvidenceSpan s : h.spans) if (!m.spans.contains(s)) m.spans.add(s);
        }
        m.evidence.removeAll(m.implicated);
        m.count = hits.size();
        return m;
    }

    public String ruleId() { return ruleId; }
    public List<String> implicated() { return implicated; }
    public List<String> evidence() { return evidence; }
    public Map<String, Object> values() { return values; }
    public String encounterId() { return encounterId; }
}
