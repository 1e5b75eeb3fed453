package org.emrqc.rules.engine;

import org.kie.api.runtime.KieRuntime;
import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

/**
 * Every KieBase's consequence exception handler: an exception in one rule's consequence marks that rule as failed
 * for the record being checked (its hits are dropped, the reason kept) and the session goes on firing the other
 * rules. Drools' default handler would end the whole session, losing every other rule's findings.
 */
public final class RuleFailureHandler implements ConsequenceExceptionHandler {
    /** The hits of the session running on this thread, for runtimes that do not expose globals. */
    static final ThreadLocal<Hits> CURRENT = new ThreadLocal<>();

    @Override
    public void handleException(Match match, RuleRuntime runtime, Exception exception) {
        Hits hits = null;
        if (runtime instanceof KieRuntime k && k.getGlobal("hits") instanceof Hits h) hits = h;
        if (hits == null) hits = CURRENT.get();
        String rule = match.getRule().getName();
        if (hits == null) throw new IllegalStateException("rule " + rule + " failed: " + RuleFailures.reason(exception), exception);
        hits.fail(rule, RuleFailures.reason(exception));
    }
}
