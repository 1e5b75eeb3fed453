package org.emrqc.rules.engine;

import java.util.Map;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.kie.api.KieBase;

/** A region's rule set compiled into a Drools KieBase, with the DRL generated for it. Immutable, shareable. */
public record CompiledRuleBase(EffectiveRuleSet ruleSet, KieBase kieBase, Map<String, String> drl, long buildMillis) {
}
