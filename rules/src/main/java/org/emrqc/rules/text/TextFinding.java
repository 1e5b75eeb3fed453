package org.emrqc.rules.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.EvidenceSpan;
import org.emrqc.model.Fact;
import org.emrqc.model.MentionFact;
import org.emrqc.rules.engine.Hit;
import org.emrqc.rules.engine.Hits;

/**
 * What a text check found, ready to become a rule's hit: the resource to implicate, the other resources, the
 * evidence spans (both sides of a contradiction) and the values its message shows. A template binds it with
 * {@code from} and reports it in its consequence ({@link #report}).
 */
public final class TextFinding {
    private final Fact implicated;
    private final List<Fact> also = new ArrayList<>();
    private final List<Fact> evidence = new ArrayList<>();
    private final List<EvidenceSpan> spans = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    public TextFinding(Fact implicated) { this.implicated = implicated; }

    public Fact getImplicated() { return implicated; }
    public List<EvidenceSpan> getSpans() { return spans; }
    public Map<String, Object> getValues() { return values; }
    public List<Fact> getAlso() { return also; }

    public TextFinding also(Fact f) {
        if (f != null && f != implicated && !also.contains(f)) also.add(f);
        return this;
    }

    public TextFinding evidence(Fact f) {
        if (f != null && !evidence.contains(f)) evidence.add(f);
        return this;
    }

    public TextFinding span(MentionFact m) {
        if (m != null) {
            EvidenceSpan s = EvidenceSpan.of(m);
            if (!spans.contains(s)) spans.add(s);
        }
        return this;
    }

    public TextFinding span(EvidenceSpan s) {
        if (s != null && !spans.contains(s)) spans.add(s);
        return this;
    }

    public TextFinding value(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** Fires the rule on the implicated resource with everything else this finding holds. */
    public Hit report(Hits hits, String ruleId) {
        Hit h = hits.fire(ruleId, implicated);
        for (Fact f : also) h.also(f);
        for (Fact f : evidence) h.evidence(f);
        h.spans().addAll(spans);
        values.forEach(h::value);
        return h;
    }

    @Override public String toString() { return implicated + " " + values; }
}
