package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.List;
import org.emrqc.model.Fact;

/** The global {@code hits} of every rule session: consequences report their findings here. */
public final class Hits {
    private final List<Hit> hits = new ArrayList<>();
    private final java.util.Map<String, String> failed = new java.util.LinkedHashMap<>();

    /** Reports that a rule fired on a fact (the implicated resource). */
    public Hit fire(String ruleId, Fact implicated) {
        Hit h = new Hit(ruleId, implicated);
        hits.add(h);
        return h;
    }

    public List<Hit> all() { return hits; }

    /** Marks a rule as failed on this record: its hits are dropped, the first reason is kept. */
    public void fail(String ruleId, String reason) {
        failed.putIfAbsent(ruleId, reason);
        hits.removeIf(h -> h.ruleId().equals(ruleId));
    }

    /** Rules that failed on this record, with the reason. */
    public java.util.Map<String, String> failed() { return failed; }

    /** True when the rule failed on this record (its later hits are ignored). */
    public boolean hasFailed(String ruleId) { return failed.containsKey(ruleId); }
}
