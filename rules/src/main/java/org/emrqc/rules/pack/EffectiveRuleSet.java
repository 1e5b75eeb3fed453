package org.emrqc.rules.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a region gets from a pack: the chain of overlays from {@code base} to the most specific region that has
 * one (a region without an overlay falls back to its parent: US-MA → US → base), the effective rules with
 * the origin of each setting, the knowledge tables with the overlays' rows, scoring and language.
 */
public final class EffectiveRuleSet {
    private final RulePack pack;
    private final String requested;
    private final List<RegionOverlay> chain;
    private final Map<String, EffectiveRule> rules;
    private final Knowledge knowledge;
    private final Scoring scoring;
    private final String language;

    private EffectiveRuleSet(RulePack pack, String requested, List<RegionOverlay> chain) {
        this.pack = pack;
        this.requested = requested;
        this.chain = List.copyOf(chain);
        this.rules = Collections.unmodifiableMap(resolveRules());
        this.knowledge = resolveKnowledge();
        Scoring s = pack.scoring();
        String lang = "en";
        for (RegionOverlay o : chain) {
            if (o.scoring() != null) s = o.scoring();
            if (o.language() != null) lang = o.language();
        }
        this.scoring = s;
        this.language = lang;
    }

    /** The rule set of a region code such as "CN-GD" or "US-MA" (case-insensitive). */
    public static EffectiveRuleSet of(RulePack pack, String region) {
        String code = region == null || region.isBlank() ? "base" : region.trim();
        RegionOverlay own = find(pack, code);
        String probe = code;
        while (own == null) {
            int dash = probe.lastIndexOf('-');
            if (dash < 0) {
                own = pack.regions().get("base");
                break;
            }
            probe = probe.substring(0, dash);
            own = find(pack, probe);
        }
        List<RegionOverlay> chain = new ArrayList<>();
        for (RegionOverlay o = own; o != null; o = o.parent() == null ? null : pack.regions().get(o.parent())) {
            if (chain.contains(o)) throw new PackException(o.sourceFile() + ": region parents form a cycle");
            chain.add(0, o);
        }
        if (!"base".equals(chain.get(0).code())) throw new PackException(own.sourceFile() + ": the parent chain of " + own.code() + " does not reach 'base'");
        return new EffectiveRuleSet(pack, code, chain);
    }

    private static RegionOverlay find(RulePack pack, String code) {
        for (RegionOverlay o : pack.regions().values()) if (o.code().equalsIgnoreCase(code)) return o;
        return null;
    }

    private Map<String, EffectiveRule> resolveRules() {
        Map<String, EffectiveRule> out = new LinkedHashMap<>();
        for (RuleDefinition d : pack.rules().values()) {
            Map<String, String> origin = new LinkedHashMap<>();
            boolean enabled = false;
            origin.put("enabled", "pack (off until a region enables it)");
            Map<String, Object> params = new LinkedHashMap<>(d.params());
            d.params().keySet().forEach(k -> origin.put("params." + k, "pack"));
            var severity = d.severity();
            double points = d.points();
            boolean veto = d.veto();
            List<String> stages = d.stages();
            DepartmentScope departments = d.departments();
            for (String k : List.of("severity", "points", "veto", "stages", "departments")) origin.put(k, "pack");
            for (RegionOverlay o : chain) {
                if (o.enable().contains(d.id())) { enabled = true; origin.put("enabled", o.code()); }
                if (o.disable().contains(d.id())) { enabled = false; origin.put("enabled", o.code() + " (disabled)"); }
                RuleSettings s = o.rules().get(d.id());
                if (s == null) continue;
                if (s.params() != null) {
                    for (var e : s.params().entrySet()) {
                        if (!d.params().containsKey(e.getKey())) {
                            throw new PackException(o.sourceFile() + ": rule " + d.id() + ": unknown parameter '" + e.getKey() + "' (the rule has " + d.params().keySet() + ")");
                        }
                        params.put(e.getKey(), e.getValue());
                        origin.put("params." + e.getKey(), o.code());
                    }
                }
                if (s.severity() != null) { severity = s.severity(); origin.put("severity", o.code()); }
                if (s.points() != null) { points = s.points(); origin.put("points", o.code()); }
                if (s.veto() != null) { veto = s.veto(); origin.put("veto", o.code()); }
                if (s.stages() != null) { stages = s.stages(); origin.put("stages", o.code()); }
                if (s.departments() != null) { departments = s.departments(); origin.put("departments", o.code()); }
            }
            out.put(d.id(), new EffectiveRule(d, enabled, Collections.unmodifiableMap(params), severity, points, veto, stages, departments, origin));
        }
        return out;
    }

    private Knowledge resolveKnowledge() {
        Map<String, KnowledgeTable> tables = new HashMap<>(pack.knowledge());
        for (RegionOverlay o : chain) {
            for (var e : o.knowledge().entrySet()) {
                KnowledgeTable t = tables.get(e.getKey()).copy();
                int n = 0;
                for (Map<String, String> row : e.getValue()) t.add(new Row(row, o.sourceFile() + " knowledge." + e.getKey() + "[" + (n++) + "]"));
                tables.put(e.getKey(), t);
            }
        }
        return new Knowledge(tables);
    }

    public RulePack pack() { return pack; }
    public String requested() { return requested; }
    public List<RegionOverlay> chain() { return chain; }
    /** The most specific region with an overlay of its own. */
    public String resolvedRegion() { return chain.get(chain.size() - 1).code(); }
    public String chainLabel() {
        List<String> codes = new ArrayList<>(chain.stream().map(RegionOverlay::code).toList());
        Collections.reverse(codes);
        return String.join(" → ", codes);
    }
    public Map<String, EffectiveRule> rules() { return rules; }
    public List<EffectiveRule> enabled() { return rules.values().stream().filter(EffectiveRule::enabled).toList(); }
    public Knowledge knowledge() { return knowledge; }
    public Scoring scoring() { return scoring; }
    public String language() { return language; }
}
