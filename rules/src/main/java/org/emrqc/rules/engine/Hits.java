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

    private final java.util.Map<String, org.emrqc.model.Localized> unverifiable = new java.util.LinkedHashMap<>();

    /** Marks a rule as failed on this record by the exception its consequence threw (the DRL's catch). */
    public void fail(String ruleName, Throwable failure) { fail(ruleName, RuleFailures.reason(failure)); }

    /** Marks a rule as failed on this record: its hits are dropped, the first reason is kept. */
    public void fail(String ruleId, String reason) {
        String id = RuleFailures.ruleId(ruleId);
        failed.putIfAbsent(id, reason);
        hits.removeIf(h -> h.ruleId().equals(id));
    }

    /**
     * Says that the data cannot decide a rule on this record (a date without a time against an hours limit): no
     * finding, no deduction; the reason reaches the output as information. The first reason per rule is kept.
     */
    public void cannotVerify(String ruleId, org.emrqc.model.Localized reason) { unverifiable.putIfAbsent(ruleId, reason); }

    /** Rules the data could not decide, with the reason. */
    public java.util.Map<String, org.emrqc.model.Localized> unverifiable() { return unverifiable; }

    /** Rules that failed on this record, with the reason. */
    public java.util.Map<String, String> failed() { return failed; }

    /** True when the rule failed on this record (its later hits are ignored). */
    public boolean hasFailed(String ruleId) { return failed.containsKey(ruleId); }
}
