package org.emrqc.rules.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.emrqc.model.Severity;
import org.emrqc.rules.pack.DepartmentScope;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.RegionOverlay;
import org.emrqc.rules.pack.RuleDefinition;
import org.emrqc.rules.pack.RulePack;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Edits the region overlays of a pack archive: per region (or hospital) and rule, whether it is enabled, its
 * parameters, severity, points, veto and department scope; and new regions with a parent (a hospital under its
 * province). Each edit is checked against the pack (unknown region, rule or parameter, a value of the wrong kind,
 * an unknown severity: {@link InvalidEditException} with the reason) and {@link #archive()} returns a new archive
 * that loads.
 *
 * <p>Comments are kept: the overlay YAML is edited as a node tree and written back with its comments, flow/block
 * styles and quoting; only the edited entries change (new entries in the pack's key order, parameter and
 * department maps in flow style). A comment attached to an entry that an edit removes goes with it.
 */
public final class OverlayEditor {
    private static final List<String> REGION_KEYS = List.of("region", "parent", "name", "language", "enable", "disable", "rules", "knowledge", "scoring", "note");
    private static final List<String> RULE_KEYS = List.of("params", "severity", "points", "veto", "stages", "departments", "note");
    private static final List<String> SCOPE_KEYS = List.of("include", "exclude");
    private static final Pattern REGION_CODE = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One rule's edit in one region, as the console sends it; null fields are left as they are. {@code clear}
     * names settings whose override this region drops so it inherits again: "enabled", "severity", "points",
     * "veto", "departments", "params" (all) or "params.NAME".
     */
    public record RuleEdit(String region, String rule, Boolean enabled, Map<String, Object> params, String severity, Double points,
                           Boolean veto, DepartmentScope departments, List<String> clear) { }

    /** A new region overlay: code (e.g. CN-GD-H001), parent (e.g. CN-GD), names, language (null = the parent's). */
    public record NewRegion(String code, String parent, String nameEn, String nameZh, String language) { }

    private PackArchive archive;
    private final RulePack pack;
    private final Map<String, String> regionFiles = new LinkedHashMap<>();
    private final Map<String, YamlDocument> docs = new LinkedHashMap<>();

    private OverlayEditor(PackArchive archive) {
        this.archive = archive;
        try {
            this.pack = PackLoader.load(archive.source());
        } catch (PackException e) {
            throw new InvalidEditException("the pack does not load, so it cannot be edited: " + e.getMessage());
        }
        for (RegionOverlay o : pack.regions().values()) regionFiles.put(o.code(), o.sourceFile());
    }

    public static OverlayEditor of(PackArchive archive) { return new OverlayEditor(archive); }

    /** The edited archive; it loads with PackLoader (checked), so an edit that would break the pack fails here. */
    public PackArchive archive() {
        PackArchive out = archive;
        for (var e : docs.entrySet()) out = out.with(e.getKey(), e.getValue().write());
        try {
            RulePack p = PackLoader.load(out.source());
            for (String code : regionFiles.keySet()) EffectiveRuleSet.of(p, code);
        } catch (PackException e) {
            throw new InvalidEditException("the edited pack does not load: " + e.getMessage());
        }
        return out;
    }

    public List<String> regions() { return new ArrayList<>(regionFiles.keySet()); }

    // ---- rule settings ----

    public OverlayEditor apply(RuleEdit e) {
        if (e.clear() != null) {
            for (String c : e.clear()) {
                if ("enabled".equals(c)) inheritEnabled(e.region(), e.rule());
                else if ("params".equals(c)) clearSetting(e.region(), e.rule(), "params");
                else if (c.startsWith("params.")) clearParam(e.region(), e.rule(), c.substring("params.".length()));
                else if (List.of("severity", "points", "veto", "departments").contains(c)) clearSetting(e.region(), e.rule(), c);
                else throw new InvalidEditException("cannot clear '" + c + "' (enabled, params, params.NAME, severity, points, veto, departments)");
            }
        }
        if (e.enabled() != null) {
            if (e.enabled()) enable(e.region(), e.rule());
            else disable(e.region(), e.rule());
        }
        if (e.params() != null) e.params().forEach((k, v) -> param(e.region(), e.rule(), k, v));
        if (e.severity() != null) severity(e.region(), e.rule(), e.severity());
        if (e.points() != null) points(e.region(), e.rule(), e.points());
        if (e.veto() != null) veto(e.region(), e.rule(), e.veto());
        if (e.departments() != null) departments(e.region(), e.rule(), e.departments());
        return this;
    }

    /** The region enables the rule (and no longer disables it). */
    public OverlayEditor enable(String region, String rule) { return switchRule(region, rule, "enable", "disable"); }

    /** The region disables the rule (and no longer enables it). */
    public OverlayEditor disable(String region, String rule) { return switchRule(region, rule, "disable", "enable"); }

    /** The region neither enables nor disables the rule: it inherits whether it is on. */
    public OverlayEditor inheritEnabled(String region, String rule) {
        RuleDefinition d = rule(rule);
        MappingNode root = doc(region).root();
        for (String list : List.of("enable", "disable")) removeFromList(root, list, d.id());
        return this;
    }

    private OverlayEditor switchRule(String region, String rule, String add, String drop) {
        RuleDefinition d = rule(rule);
        MappingNode root = doc(region).root();
        removeFromList(root, drop, d.id());
        SequenceNode list = YamlDocument.sequence(root, add, REGION_KEYS);
        if (!YamlDocument.strings(list).contains(d.id())) list.getValue().add(YamlDocument.scalar(d.id()));
        return this;
    }

    private static void removeFromList(MappingNode root, String key, String id) {
        if (!(YamlDocument.get(root, key) instanceof SequenceNode s)) return;
        s.getValue().removeIf(n -> id.equals(YamlDocument.text(n)));
        if (s.getValue().isEmpty()) YamlDocument.remove(root, key);
    }

    /** Sets a parameter of the rule in the region; the value must be of the kind of the pack's default. */
    public OverlayEditor param(String region, String rule, String name, Object value) {
        RuleDefinition d = rule(rule);
        if (!d.params().containsKey(name)) {
            throw new InvalidEditException("rule " + d.id() + " has no parameter '" + name + "' (it has " + d.params().keySet() + ")");
        }
        Object v = coerce(d, name, d.params().get(name), value);
        MappingNode params = YamlDocument.mapping(settings(region, d.id()), "params", true, RULE_KEYS);
        YamlDocument.put(params, name, v instanceof List<?> l ? YamlDocument.flowList(l) : YamlDocument.scalar(v), List.of());
        return this;
    }

    public OverlayEditor clearParam(String region, String rule, String name) {
        RuleDefinition d = rule(rule);
        if (!d.params().containsKey(name)) {
            throw new InvalidEditException("rule " + d.id() + " has no parameter '" + name + "' (it has " + d.params().keySet() + ")");
        }
        MappingNode s = existingSettings(region, d.id());
        if (s != null && YamlDocument.get(s, "params") instanceof MappingNode p) {
            YamlDocument.remove(p, name);
            if (p.getValue().isEmpty()) YamlDocument.remove(s, "params");
            dropIfEmpty(region, d.id());
        }
        return this;
    }

    /** Severity high, moderate or low. */
    public OverlayEditor severity(String region, String rule, String severity) {
        RuleDefinition d = rule(rule);
        Severity s;
        try {
            s = Severity.fromCode(severity == null ? null : severity.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidEditException("rule " + d.id() + ": severity '" + severity + "' is not one of high, moderate, low");
        }
        YamlDocument.put(settings(region, d.id()), "severity", YamlDocument.scalar(s.code()), RULE_KEYS);
        return this;
    }

    /** Points deducted per finding: from 0 to the pack's starting score. */
    public OverlayEditor points(String region, String rule, double points) {
        RuleDefinition d = rule(rule);
        if (!Double.isFinite(points) || points < 0 || points > pack.scoring().start()) {
            throw new InvalidEditException("rule " + d.id() + ": points must be between 0 and " + fmt(pack.scoring().start()) + ", not " + points);
        }
        YamlDocument.put(settings(region, d.id()), "points", YamlDocument.scalar(points), RULE_KEYS);
        return this;
    }

    public OverlayEditor veto(String region, String rule, boolean veto) {
        RuleDefinition d = rule(rule);
        if (veto && d.narrative()) throw new InvalidEditException("rule " + d.id() + " rests on narrative and cannot be made a veto item");
        YamlDocument.put(settings(region, d.id()), "veto", YamlDocument.scalar(veto), RULE_KEYS);
        return this;
    }

    /** The departments the rule applies to in the region ({@link DepartmentScope#ALL} = all, overriding the parent's scope). */
    public OverlayEditor departments(String region, String rule, DepartmentScope scope) {
        RuleDefinition d = rule(rule);
        for (String s : scope.include()) if (s == null || s.isBlank()) throw new InvalidEditException("rule " + d.id() + ": empty department name in include");
        for (String s : scope.exclude()) if (s == null || s.isBlank()) throw new InvalidEditException("rule " + d.id() + ": empty department name in exclude");
        MappingNode map = new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, new ArrayList<>(), org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW);
        if (!scope.include().isEmpty() || scope.isAll()) YamlDocument.put(map, "include", YamlDocument.flowList(scope.include()), SCOPE_KEYS);
        if (!scope.exclude().isEmpty() || scope.isAll()) YamlDocument.put(map, "exclude", YamlDocument.flowList(scope.exclude()), SCOPE_KEYS);
        YamlDocument.put(settings(region, d.id()), "departments", map, RULE_KEYS);
        return this;
    }

    /** Drops the region's override of one setting (severity, points, veto, departments, params). */
    public OverlayEditor clearSetting(String region, String rule, String setting) {
        RuleDefinition d = rule(rule);
        if (!List.of("params", "severity", "points", "veto", "departments", "stages").contains(setting)) {
            throw new InvalidEditException("unknown setting '" + setting + "' (params, severity, points, veto, departments, stages)");
        }
        MappingNode s = existingSettings(region, d.id());
        if (s != null) {
            YamlDocument.remove(s, setting);
            dropIfEmpty(region, d.id());
        }
        return this;
    }

    // ---- regions ----

    /** Adds a region overlay file {@code regions/CODE.yaml} with its parent, and lists it in pack.yaml. */
    public OverlayEditor addRegion(NewRegion r) {
        if (r.code() == null || !REGION_CODE.matcher(r.code()).matches()) {
            throw new InvalidEditException("region code '" + r.code() + "' must be letters and digits in parts joined by '-' (e.g. CN-GD-H001)");
        }
        for (String c : regionFiles.keySet()) {
            if (c.equalsIgnoreCase(r.code())) throw new InvalidEditException("region " + c + " already exists");
        }
        if (r.parent() == null || !regionFiles.containsKey(r.parent())) {
            throw new InvalidEditException("parent region '" + r.parent() + "' is not in the pack (regions: " + String.join(", ", regionFiles.keySet()) + ")");
        }
        if (r.language() != null && !List.of("zh", "en").contains(r.language())) {
            throw new InvalidEditException("language '" + r.language() + "' is not zh or en");
        }
        String file = "regions/" + r.code() + ".yaml";
        if (archive.has(file)) throw new InvalidEditException(file + " already exists in the pack");
        StringBuilder y = new StringBuilder();
        y.append("# ").append(r.code()).append(": overlay on ").append(r.parent()).append(", created in the rule-pack administration.\n");
        y.append("region: ").append(q(r.code())).append('\n');
        y.append("parent: ").append(q(r.parent())).append('\n');
        String en = r.nameEn() == null || r.nameEn().isBlank() ? r.code() : r.nameEn();
        String zh = r.nameZh() == null || r.nameZh().isBlank() ? en : r.nameZh();
        y.append("name: {en: ").append(q(en)).append(", zh: ").append(q(zh)).append("}\n");
        if (r.language() != null) y.append("language: ").append(r.language()).append('\n');
        docs.put(file, YamlDocument.parse(y.toString(), file));
        YamlDocument manifest = docs.computeIfAbsent("pack.yaml", f -> YamlDocument.parse(archive.text(f), f));
        SequenceNode list = YamlDocument.sequence(manifest.root(), "regions", List.of());
        list.getValue().add(YamlDocument.scalar(file));
        regionFiles.put(r.code(), file);
        return this;
    }

    public OverlayEditor addRegion(String code, String parent, String nameEn, String nameZh) {
        return addRegion(new NewRegion(code, parent, nameEn, nameZh, null));
    }

    // ---- internals ----

    private static String q(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fmt(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }

    private RuleDefinition rule(String id) {
        RuleDefinition d = id == null ? null : pack.rules().get(id);
        if (d == null) throw new InvalidEditException("rule '" + id + "' is not defined in the pack");
        return d;
    }

    private YamlDocument doc(String region) {
        String file = region == null ? null : regionFiles.get(region);
        if (file == null) {
            throw new InvalidEditException("region '" + region + "' has no overlay in the pack (regions: " + String.join(", ", regionFiles.keySet())
                    + "); add it first with a parent");
        }
        return docs.computeIfAbsent(file, f -> YamlDocument.parse(archive.text(f), f));
    }

    private MappingNode settings(String region, String rule) {
        MappingNode rules = YamlDocument.mapping(doc(region).root(), "rules", false, REGION_KEYS);
        return YamlDocument.mapping(rules, rule, false, List.of());
    }

    private MappingNode existingSettings(String region, String rule) {
        if (YamlDocument.get(doc(region).root(), "rules") instanceof MappingNode rules && YamlDocument.get(rules, rule) instanceof MappingNode s) return s;
        return null;
    }

    private void dropIfEmpty(String region, String rule) {
        MappingNode root = doc(region).root();
        if (!(YamlDocument.get(root, "rules") instanceof MappingNode rules)) return;
        if (YamlDocument.get(rules, rule) instanceof MappingNode s && s.getValue().isEmpty()) YamlDocument.remove(rules, rule);
        if (rules.getValue().isEmpty()) YamlDocument.remove(root, "rules");
    }

    /** The value as the kind the pack's default has: numbers from numeric text, lists from comma-separated text. */
    static Object coerce(RuleDefinition d, String name, Object def, Object value) {
        String where = "rule " + d.id() + ": parameter " + name;
        if (value == null) throw new InvalidEditException(where + ": no value (clear the parameter to inherit it)");
        if (def instanceof Number) {
            if (value instanceof Number n) return normalizeNumber(n.doubleValue());
            if (value instanceof String s) {
                try {
                    double x = Double.parseDouble(s.strip());
                    if (Double.isFinite(x)) return normalizeNumber(x);
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw new InvalidEditException(where + " takes a number, not '" + value + "'");
        }
        if (def instanceof Boolean) {
            if (value instanceof Boolean) return value;
            if (value instanceof String s && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) return Boolean.valueOf(s.strip());
            throw new InvalidEditException(where + " takes true or false, not '" + value + "'");
        }
        if (def instanceof List) {
            List<Object> out = new ArrayList<>();
            if (value instanceof List<?> l) {
                for (Object o : l) {
                    if (o == null || o instanceof List || o instanceof Map) throw new InvalidEditException(where + " takes a list of values, not " + value);
                    out.add(o);
                }
            } else if (value instanceof String s) {
                for (String p : s.split(",")) if (!p.isBlank()) out.add(p.strip());
            } else {
                throw new InvalidEditException(where + " takes a list, not '" + value + "'");
            }
            return out;
        }
        if (value instanceof List || value instanceof Map) throw new InvalidEditException(where + " takes a text, not " + value);
        return String.valueOf(value);
    }

    private static Object normalizeNumber(double x) {
        if (x == Math.rint(x) && Math.abs(x) < Integer.MAX_VALUE) return (int) x;
        return x;
    }

    /** The regions below a region (children, grandchildren …), for callers that show what an edit reaches. */
    public List<String> descendants(String region) {
        TreeSet<String> out = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String code : regionFiles.keySet()) {
                String parent = parentOf(code);
                if (parent != null && (parent.equals(region) || out.contains(parent)) && out.add(code)) grew = true;
            }
        }
        return new ArrayList<>(out);
    }

    private String parentOf(String code) {
        YamlDocument d = docs.get(regionFiles.get(code));
        if (d != null) {
            Node p = YamlDocument.get(d.root(), "parent");
            return p instanceof ScalarNode s ? s.getValue() : null;
        }
        RegionOverlay o = pack.regions().get(code);
        return o == null ? null : o.parent();
    }
}
