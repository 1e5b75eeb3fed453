package org.emrqc.rules.engine;

import java.util.List;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

/**
 * A region's rule set compiled into a Drools KieBase, with the DRL generated for it. Immutable, shareable.
 * {@link #without} gives the same rules less some that failed on a record, built from the compiled packages
 * (no DRL compilation) and kept for the next record that needs them.
 */
public final class CompiledRuleBase {
    private static final int MAX_VARIANTS = 16;

    private final EffectiveRuleSet ruleSet;
    private final KieContainer container;
    private final KieBase kieBase;
    private final Map<String, String> drl;
    private final long buildMillis;
    private final Map<Set<String>, KieBase> variants = new ConcurrentHashMap<>();
    /** Sessions of the main base are reused (reset between records) instead of built per record. */
    private final org.kie.api.runtime.KieSessionsPool pool;

    CompiledRuleBase(EffectiveRuleSet ruleSet, KieContainer container, KieBase kieBase, Map<String, String> drl, long buildMillis) {
        this.ruleSet = ruleSet;
        this.container = container;
        this.kieBase = kieBase;
        this.pool = kieBase.newKieSessionsPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        this.drl = drl;
        this.buildMillis = buildMillis;
    }

    /**
     * A new KieBase of the container's compiled packages (consequences isolate their failures in the DRL itself), in
     * Drools' sequential mode: a record's facts are inserted once and never changed by a rule (consequences only
     * report hits), so each rule is evaluated once, without an agenda's re-evaluation.
     */
    static KieBase newKieBase(KieContainer container) {
        org.kie.api.KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration(null, container.getClassLoader());
        conf.setOption(org.kie.api.conf.SequentialOption.YES);
        return container.newKieBase(conf);
    }

    public EffectiveRuleSet ruleSet() { return ruleSet; }

    private volatile List<Indicators.Indicator> indicators;

    /** The national indicators computed in this region (those with an enabled rule), read once. */
    public List<Indicators.Indicator> indicators() {
        List<Indicators.Indicator> i = indicators;
        if (i == null) indicators = i = Indicators.computed(ruleSet);
        return i;
    }
    public KieBase kieBase() { return kieBase; }

    /** A stateless session on the rule base, less the given rules: pooled for the whole base, built for a variant. */
    public org.kie.api.runtime.StatelessKieSession statelessSession(Set<String> without) {
        return without.isEmpty() ? pool.newStatelessKieSession() : without(without).newStatelessKieSession();
    }
    public Map<String, String> drl() { return drl; }
    public long buildMillis() { return buildMillis; }

    /** The rule base without the given rules (rule ids), for a record on which they failed. */
    public KieBase without(Set<String> ruleIds) {
        if (ruleIds.isEmpty()) return kieBase;
        KieBase cached = variants.get(ruleIds);
        if (cached != null) return cached;
        KieBase b = newKieBase(container);
        java.util.List<String> names = new java.util.ArrayList<>();
        for (org.kie.api.definition.KiePackage p : b.getKiePackages()) {
            if (!RuleBaseCompiler.PACKAGE.equals(p.getName())) continue;
            for (org.kie.api.definition.rule.Rule r : p.getRules()) if (ruleIds.contains(RuleFailures.ruleId(r.getName()))) names.add(r.getName());
        }
        for (String name : names) b.removeRule(RuleBaseCompiler.PACKAGE, name);
        if (variants.size() < MAX_VARIANTS) variants.put(Set.copyOf(ruleIds), b);
        return b;
    }
}
