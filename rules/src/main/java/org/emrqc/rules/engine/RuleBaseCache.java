package org.emrqc.rules.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.RulePack;

/** One compiled rule base per (pack version, region), built once on first use and reused by every thread. */
public final class RuleBaseCache {
    private final RuleBaseCompiler compiler = new RuleBaseCompiler();
    private final Map<String, CompiledRuleBase> cache = new ConcurrentHashMap<>();

    public CompiledRuleBase get(RulePack pack, String region) {
        EffectiveRuleSet set = EffectiveRuleSet.of(pack, region);
        String key = pack.label() + "|" + set.resolvedRegion();
        return cache.computeIfAbsent(key, k -> compiler.compile(set));
    }

    /** Adds a rule base compiled elsewhere (e.g. during validation), so it is not compiled again. */
    public void put(RulePack pack, CompiledRuleBase base) {
        cache.put(pack.label() + "|" + base.ruleSet().resolvedRegion(), base);
    }

    public int size() { return cache.size(); }
}
