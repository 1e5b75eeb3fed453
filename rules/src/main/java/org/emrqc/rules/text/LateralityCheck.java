package org.emrqc.rules.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.Localized;
import org.emrqc.model.MentionFact;

/**
 * Left against right for the same diagnosed or operated site (a paired organ: 附件, 乳腺, 肾, 膝 …) in the free text
 * of one stay: 初步诊断 左附件囊肿 against 术中所见 右侧卵巢; 手术名称 右腋窝… against 手术经过 左侧前哨淋巴结; an
 * imaging report's side against the diagnosis. The statements come from diagnosis lists, operation names, operative
 * accounts and imaging conclusions only (never physical examinations). A site is left alone when any statement
 * calls it bilateral, when a diagnosis list or an operation's name names both sides (both organs involved), or when a
 * status-post item (…术后) names the other side: the data cannot tell which side is meant. An operative account
 * that names both sides is read against the rest: when at least two other parts of the record name one side only,
 * the other side in the account is reported (切除左侧前哨淋巴结 in the account of a right-sided operation).
 */
public final class LateralityCheck {
    private LateralityCheck() { }

    public static List<TextFinding> findings(List<?> statements, List<?> documents) {
        Where where = new Where(documents);
        List<TextFinding> out = new ArrayList<>();
        for (List<MentionFact> stay : where.byStay(statements).values()) {
            Map<String, List<MentionFact>> bySite = new LinkedHashMap<>();
            for (MentionFact m : stay) {
                if ("laterality".equals(m.getAttribute()) && m.getBodySite() != null && m.getLaterality() != null) {
                    bySite.computeIfAbsent(m.getBodySite(), k -> new ArrayList<>()).add(m);
                }
            }
            for (Map.Entry<String, List<MentionFact>> site : bySite.entrySet()) {
                TextFinding f = conflict(site.getKey(), site.getValue(), where);
                if (f != null) out.add(f);
            }
        }
        return out;
    }

    private static TextFinding conflict(String site, List<MentionFact> ms, Where where) {
        for (MentionFact m : ms) if ("bilateral".equals(m.getLaterality())) return null;
        // the operated side first: the operation's name and account, and notes of the days after it (左眼术后第1天),
        // whatever the diagnoses say (both eyes may have a cataract while one is operated)
        List<MentionFact> operated = new java.util.ArrayList<>();
        for (MentionFact m : ms) if (in(OPERATED, m) && !m.isHistorical()) operated.add(m);
        TextFinding op = operatedSide(site, operated, where);
        if (op != null) return op;
        Map<String, java.util.Set<String>> sidesBySource = new LinkedHashMap<>();
        for (MentionFact m : ms) {
            if (m.isHistorical()) {
                // a side named only in a status-post item (右乳癌术后) may be the other organ: too uncertain
                for (MentionFact o : ms) if (!o.getLaterality().equals(m.getLaterality())) return null;
                continue;
            }
            sidesBySource.computeIfAbsent(source(m), k -> new java.util.HashSet<>()).add(m.getLaterality());
        }
        // a diagnosis list, an operation's name or an imaging result with both sides: both organs are involved
        for (MentionFact m : ms) {
            if (sidesBySource.getOrDefault(source(m), java.util.Set.of()).size() > 1 && !in(NARRATIVE, m)) return null;
        }
        MentionFact left = null;
        MentionFact right = null;
        for (MentionFact m : ms) {
            if (m.isHistorical() || sidesBySource.get(source(m)).size() > 1) continue;
            if ("left".equals(m.getLaterality()) && left == null) left = m;
            if ("right".equals(m.getLaterality()) && right == null) right = m;
        }
        MentionFact first;
        MentionFact second;
        if (left != null && right != null) {
            first = where.before(left, right) ? left : right;
            second = first == left ? right : left;
        } else {
            // every part that names one side names the same, and an operative account names the other one too:
            // 切除左侧前哨淋巴结 in an account of a right-sided operation
            MentionFact agreed = left != null ? left : right;
            if (agreed == null) return null;
            java.util.Set<String> agreeing = new java.util.HashSet<>();
            for (MentionFact m : ms) if (!m.isHistorical() && sidesBySource.get(source(m)).size() == 1) agreeing.add(source(m));
            if (agreeing.size() < 2) return null;
            MentionFact odd = null;
            for (MentionFact m : ms) {
                if (!m.isHistorical() && !m.getLaterality().equals(agreed.getLaterality())) {
                    odd = m;
                    break;
                }
            }
            if (odd == null) return null;
            first = agreed;
            second = odd;
        }
        return new TextFinding(second).also(first).span(first).span(second)
                .value("site", new Localized(SITE_NAMES.getOrDefault(site, site), site))
                .value("place", where.place(first)).value("written", Where.shown(first.getText()))
                .value("other", where.place(second)).value("otherValue", Where.shown(second.getText()));
    }

    /** Parts that say which side was operated on. */
    private static final java.util.Set<String> OPERATED = java.util.Set.of("operation-name", "operation-course", "operative-findings", "postop-day");

    /**
     * The side of the operation against itself: every part that names the operation (its name, its account, a note of
     * a day after it) names one side, and at least one of them the other side. Needs the operation's name.
     */
    private static TextFinding operatedSide(String site, List<MentionFact> ms, Where where) {
        Map<String, java.util.Set<String>> sides = new LinkedHashMap<>();
        for (MentionFact m : ms) sides.computeIfAbsent(source(m), k -> new java.util.HashSet<>()).add(m.getLaterality());
        MentionFact named = null;
        for (MentionFact m : ms) {
            if ("operation-name".equals(m.getSection()) && sides.get(source(m)).size() == 1) {
                named = m;
                break;
            }
        }
        if (named == null) return null;
        for (MentionFact m : ms) {
            if (m.getLaterality().equals(named.getLaterality()) || sides.get(source(m)).size() > 1 && !in(NARRATIVE, m)) continue;
            // the other side in a part of its own, or in an account that names both (切除左侧前哨淋巴结 in a right-sided operation)
            boolean agreedElsewhere = false;
            for (MentionFact o : ms) agreedElsewhere |= o != named && o.getLaterality().equals(named.getLaterality()) && !source(o).equals(source(m));
            if (sides.get(source(m)).size() > 1 && !agreedElsewhere) continue;
            return found(site, named, m, where);
        }
        return null;
    }

    private static TextFinding found(String site, MentionFact first, MentionFact second, Where where) {
        return new TextFinding(second).also(first).span(first).span(second)
                .value("site", new Localized(SITE_NAMES.getOrDefault(site, site), site))
                .value("place", where.place(first)).value("written", Where.shown(first.getText()))
                .value("other", where.place(second)).value("otherValue", Where.shown(second.getText()));
    }

    /** Parts that tell what was done or found, where the other side may be named beside the operated one. */
    private static final java.util.Set<String> NARRATIVE = java.util.Set.of("operation-course", "operative-findings");

    private static final Map<String, String> SITE_NAMES = Map.ofEntries(Map.entry("附件", "adnexa"), Map.entry("乳腺", "breast"),
            Map.entry("肾", "kidney"), Map.entry("输尿管", "ureter"), Map.entry("肾上腺", "adrenal gland"), Map.entry("肺", "lung"),
            Map.entry("甲状腺", "thyroid"), Map.entry("眼", "eye"), Map.entry("耳", "ear"), Map.entry("睾丸", "testis"),
            Map.entry("腹股沟", "groin"), Map.entry("膝", "knee"), Map.entry("髋", "hip"), Map.entry("肩", "shoulder"),
            Map.entry("肘", "elbow"), Map.entry("腕", "wrist"), Map.entry("踝", "ankle"), Map.entry("上肢", "upper limb"),
            Map.entry("下肢", "lower limb"), Map.entry("股骨", "femur"), Map.entry("胫骨", "tibia"), Map.entry("肱骨", "humerus"),
            Map.entry("尺桡骨", "forearm bones"), Map.entry("锁骨", "clavicle"), Map.entry("颈动脉", "carotid artery"),
            Map.entry("胸腔", "pleural cavity"));

    private static boolean in(java.util.Set<String> sections, MentionFact m) {
        return m.getSection() != null && sections.contains(m.getSection());
    }

    /** A part of a note: its document and section. */
    private static String source(MentionFact m) {
        return m.getRef() + "|" + (m.getSection() == null ? "" : m.getSection()) + "|" + (m.getSectionTitle() == null ? "" : m.getSectionTitle());
    }
}
