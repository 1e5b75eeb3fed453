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

    public int size() { return cache.size(); }
}
