package org.emrqc.rules.pack;

import java.util.List;
import java.util.Map;

/**
 * A loaded rule pack: rule definitions, DRL templates, knowledge tables, region overlays, scoring and the
 * fixture files. Immutable; compile it per region with {@code RuleBaseCompiler}.
 */
public record RulePack(
        String id,
        String version,
        Text title,
        String docsBase,
        Map<String, String> templates,
        Map<String, RuleDefinition> rules,
        Map<String, RegionOverlay> regions,
        Map<String, KnowledgeTable> knowledge,
        Scoring scoring,
        List<String> fixtures,
        PackSource source) {

    /** "id@version", as findings carry it. */
    public String label() { return id + "@" + version; }
}
