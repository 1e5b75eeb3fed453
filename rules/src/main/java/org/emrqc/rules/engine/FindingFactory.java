package org.emrqc.rules.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.emrqc.model.Finding;
import org.emrqc.model.Localized;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.Text;

/** Turns a rule hit into a finding: the rule's effective settings, its messages filled with the values. */
final class FindingFactory {

    private FindingFactory() { }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static Finding create(Hit hit, EffectiveRule rule, String patientRef, String packLabel, String region, String docsBase, java.time.ZoneId zone) {
        return create(hit, rule, patientRef, packLabel, region, docsBase, zone, "zh");
    }

    /** @param language the region's language: localized values are kept in it in {@link Finding#values()} */
    static Finding create(Hit hit, EffectiveRule rule, String patientRef, String packLabel, String region, String docsBase,
                          java.time.ZoneId zone, String language) {
        Map<String, Object> shown = new LinkedHashMap<>(rule.params());
        hit.values().forEach((k, v) -> shown.put(k, shown(v, zone)));
        if (hit.count() > 1) shown.put("count", hit.count());
        Map<String, Object> values = new LinkedHashMap<>();
        shown.forEach((k, v) -> values.put(k, v instanceof Localized l ? l.in(language == null ? "zh" : language) : v));
        Text msg = rule.definition().message();
        Text title = rule.definition().title();
        Text fix = rule.definition().fix();
        String encounterRef = hit.encounterId() == null ? null : "Encounter/" + hit.encounterId();
        // a finding that rests on narrative alone never counts as a veto item
        boolean veto = rule.veto() && !rule.definition().narrative();
        return new Finding(rule.id(), title == null ? rule.id() : title.in("en") + " / " + title.in("zh"),
                rule.definition().defectClass(), rule.severity(), rule.points(), veto, patientRef, encounterRef,
                List.copyOf(hit.implicated()), List.copyOf(hit.evidence()), values, List.copyOf(hit.spans()),
                more(fill(msg.en(), shown, "en"), hit.count(), "en"), more(fill(msg.zh(), shown, "zh"), hit.count(), "zh"),
                fix == null ? null : fix.in("en") + (fix.zh() == null ? "" : " / " + fix.zh()),
                docsBase == null ? null : docsBase + rule.id().toLowerCase(Locale.ROOT),
                rule.definition().regulation(), packLabel, region,
                stableId(rule.id(), scope(hit, encounterRef, patientRef), packLabel));
    }

    /** What a finding is about, for its id: the patient and the stay, else the implicated resources. */
    private static List<String> scope(Hit hit, String encounterRef, String patientRef) {
        if (encounterRef != null || patientRef != null) {
            List<String> s = new ArrayList<>(2);
            if (patientRef != null) s.add(patientRef);
            if (encounterRef != null) s.add(encounterRef);
            return s;
        }
        return hit.implicated();
    }

    /** The count of a finding that stands for several occurrences, after its message. */
    static String more(String message, int count, String language) {
        if (count <= 1 || message == null) return message;
        return message + ("zh".equals(language) ? "（同类问题共" + count + "处）" : " (" + count + " occurrences)");
    }

    /** A hit's value as a message shows it: times at their precision in the record's zone, null as "not recorded". */
    private static Object shown(Object v, java.time.ZoneId zone) {
        if (v == null) return ClinicalNames.NOT_RECORDED;
        if (v instanceof java.time.Instant i) return TIME.format(i.atZone(zone));
        if (v instanceof ShownTime t) return t.format(zone);
        if (v instanceof DocTime d) return d.shown(zone);
        return v;
    }

    /** The message with {name} replaced by the value (numbers without a needless ".0"); unknown names stay. */
    static String fill(String template, Map<String, Object> values) {
        return fill(template, values, "en");
    }

    /** The message in a language: localized values in that language. */
    static String fill(String template, Map<String, Object> values, String language) {
        if (template == null) return null;
        int open = template.indexOf('{');
        if (open < 0) return template;
        StringBuilder sb = new StringBuilder(template.length() + 32);
        int from = 0;
        while (open >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0) break;
            sb.append(template, from, open);
            Object v = values.get(template.substring(open + 1, close));
            if (v == null) sb.append(template, open, close + 1);
            else sb.append(format(v, language));
            from = close + 1;
            open = template.indexOf('{', from);
        }
        sb.append(template, from, template.length());
        return sb.toString();
    }

    static String format(Object v) { return format(v, "en"); }

    static String format(Object v, String language) {
        if (v instanceof Localized l) return l.in(language);
        if (v instanceof List<?> l) return String.join("zh".equals(language) ? "、" : ", ", l.stream().map(x -> format(x, language)).toList());
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf(d.longValue());
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return String.valueOf(v);
    }

    /** Same rule, same scope (patient and stay, else implicated resources), same pack version: same id. */
    static String stableId(String ruleId, List<String> implicated, String packLabel) {
        List<String> sorted = new ArrayList<>(implicated);
        sorted.sort(null);
        String key = ruleId + "|" + String.join(",", sorted) + "|" + packLabel;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ruleId + "-" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
