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
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.Text;

/** Turns a rule hit into a finding: the rule's effective settings, its messages filled with the values. */
final class FindingFactory {

    private FindingFactory() { }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static Finding create(Hit hit, EffectiveRule rule, String patientRef, String packLabel, String region, String docsBase, java.time.ZoneId zone) {
        Map<String, Object> values = new LinkedHashMap<>(rule.params());
        hit.values().forEach((k, v) -> values.put(k, v instanceof java.time.Instant i ? TIME.format(i.atZone(zone)) : v));
        Text msg = rule.definition().message();
        Text title = rule.definition().title();
        Text fix = rule.definition().fix();
        String encounterRef = hit.encounterId() == null ? null : "Encounter/" + hit.encounterId();
        // a finding that rests on narrative alone never counts as a veto item
        boolean veto = rule.veto() && !rule.definition().narrative();
        return new Finding(rule.id(), title == null ? rule.id() : title.in("en") + " / " + title.in("zh"),
                rule.definition().defectClass(), rule.severity(), rule.points(), veto, patientRef, encounterRef,
                List.copyOf(hit.implicated()), List.copyOf(hit.evidence()), values, List.copyOf(hit.spans()),
                fill(msg.en(), values), fill(msg.zh(), values),
                fix == null ? null : fix.in("en") + (fix.zh() == null ? "" : " / " + fix.zh()),
                docsBase == null ? null : docsBase + rule.id().toLowerCase(Locale.ROOT),
                rule.definition().regulation(), packLabel, region, stableId(rule.id(), hit.implicated(), packLabel));
    }

    /** The message with {name} replaced by the value (numbers without a needless ".0"); unknown names stay. */
    static String fill(String template, Map<String, Object> values) {
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
            else sb.append(format(v));
            from = close + 1;
            open = template.indexOf('{', from);
        }
        sb.append(template, from, template.length());
        return sb.toString();
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf(d.longValue());
            return String.format(Locale.ROOT, "%.1f", d);
        }
        if (v instanceof List<?> l) return String.join(", ", l.stream().map(String::valueOf).toList());
        return String.valueOf(v);
    }

    /** Same rule, same implicated resources, same pack version: same id. */
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
