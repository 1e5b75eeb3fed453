package org.emrqc.rules.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.emrqc.model.Coding;
import org.emrqc.model.Localized;
import org.emrqc.model.MentionFact;

/**
 * Allergy statements of one stay that contradict each other, without any AllergyIntolerance resource: a drug listed
 * as an allergen (药物过敏史：青霉素, 对青霉素过敏, or a drug under 食物过敏史) while a note denies drug allergies
 * (否认药物过敏史, 过敏史：无); a food listed while food allergies are denied. A listed allergen counts only where a
 * history is taken (the allergy or past history, the case summary, or a document that records the history: 入院记录,
 * 首次病程记录, 出院记录 …); a reaction noted in a progress note may be new. A substance whose class is unknown
 * counts by the category it is listed under; under a plain 过敏史 it does not count.
 */
public final class AllergyCheck {
    private static final Set<String> HISTORY_SECTIONS = Set.of("past-history", "allergies", "case-features", "general");
    private static final Set<String> HISTORY_KINDS = Set.of("admission-record", "admission-discharge-24h", "admission-death-24h",
            "first-progress-note", "discharge-record", "discharge-summary", "preop-summary", "preop-discussion", "operative-note",
            "anesthesia-preop-visit", "history-and-physical", "front-sheet");

    private AllergyCheck() { }

    public static List<TextFinding> findings(List<?> statements, List<?> documents) {
        Where where = new Where(documents);
        List<TextFinding> out = new ArrayList<>();
        for (List<MentionFact> stay : where.byStay(statements).values()) {
            List<MentionFact> s = stay.stream().filter(m -> "allergy-statement".equals(m.getAttribute()) && m.getNormalized() != null
                    && m.getNormalized().indexOf(':') > 0).toList();
            for (MentionFact listed : s) {
                String v = listed.getNormalized();
                if (v.endsWith(":denied") || !historyTaken(listed)) continue;
                String cls = substanceClass(listed);
                MentionFact denial = null;
                for (MentionFact d : s) {
                    String dv = d.getNormalized();
                    if (!dv.endsWith(":denied") || overlaps(d, listed)) continue;
                    String cat = dv.substring(0, dv.indexOf(':'));
                    if ("any".equals(cat) || cat.equals(cls)) {
                        denial = d;
                        break;
                    }
                }
                if (denial == null) continue;
                String category = v.substring(0, v.indexOf(':'));
                String substance = v.substring(v.indexOf(':') + 1);
                boolean misfiled = "food".equals(category) && "drug".equals(cls);
                out.add(new TextFinding(listed).also(denial).span(denial).span(listed)
                        .value("place", where.place(listed)).value("written", Where.shown(listed.getText()))
                        .value("substance", substance)
                        .value("kind", "drug".equals(cls) ? new Localized("a drug", "药物") : new Localized("a food", "食物"))
                        .value("misfiled", misfiled ? new Localized(" (a drug listed as a food allergy)", "（药物写在食物过敏史中）") : Localized.of(""))
                        .value("other", where.place(denial)).value("otherValue", Where.shown(denial.getText())));
            }
        }
        return out;
    }

    /** drug or food: from the substance's codes, else from the category it is listed under; null when unknown. */
    static String substanceClass(MentionFact m) {
        for (Coding c : m.getCodes()) {
            if ("urn:emrqc:substance-class".equals(c.getSystem())) return c.getCode();
            return "drug"; // a medication code from the terminology
        }
        String v = m.getNormalized();
        String cat = v.substring(0, v.indexOf(':'));
        return "any".equals(cat) ? null : cat;
    }

    private static boolean historyTaken(MentionFact m) {
        return m.getSection() != null && HISTORY_SECTIONS.contains(m.getSection())
                || m.getDocumentKind() != null && HISTORY_KINDS.contains(m.getDocumentKind());
    }

    private static boolean overlaps(MentionFact a, MentionFact b) {
        return a.getRef().equals(b.getRef()) && a.getStart() < b.getEnd() && b.getStart() < a.getEnd();
    }
}
