package org.emrqc.rules.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.emrqc.model.ConditionFact;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.Localized;
import org.emrqc.model.MentionFact;
import org.emrqc.rules.pack.Knowledge;

/** Checks on diagnosis lists as notes write them. */
public final class DiagnosisCheck {
    /** Words that say a diagnosis was changed on purpose (排除, 修正, 补充诊断 …). */
    private static final Pattern REVISED = Pattern.compile("排除|除外|不支持|不考虑|暂不考虑|修正|更正|补充|明确为|诊断改为|改为|可排除|依据不足");

    private DiagnosisCheck() { }

    /**
     * A diagnosis list of one kind of note against the same list of another in the same stay — the 初步诊断 of a
     * first progress note against that of the admission record; the 术前诊断 of an operative note against that of
     * the pre-operative discussion: items
     * dropped or added without a word. Items match after numbering, punctuation, remarks in brackets, grades and
     * the marks of uncertainty (待查, 可能, ？) are set aside and synonyms (knowledge table diagnosis-synonyms) are
     * resolved; an item also matches when what it names is written in the other list. A change is explained — and
     * not reported — when the first progress note, outside its list, says in one sentence what it names and that it
     * was revised (排除, 不支持, 修正, 补充 …), or when the admission record's 修正诊断 / 补充诊断 lists it; and once the
     * note excludes a diagnosis on purpose, the diagnoses it adds and argues for outside its list are explained too.
     *
     * @param fromKinds the kinds whose list is compared (first-progress-note)
     * @param toKinds   the kinds it is compared with (admission-record)
     * @param sections  the lists compared (initial-diagnosis; preoperative-diagnosis)
     */
    public static List<TextFinding> listMismatch(List<?> statements, List<?> documents, List<String> fromKinds, List<String> toKinds,
                                                 List<String> sections, Knowledge kb) {
        return listMismatch(statements, documents, fromKinds, toKinds, sections, List.of("dropped", "added"), kb);
    }

    /** @param report what is reported: dropped (items of the other list left out), added (items the other list lacks) */
    public static List<TextFinding> listMismatch(List<?> statements, List<?> documents, List<String> fromKinds, List<String> toKinds,
                                                 List<String> sections, List<String> report, Knowledge kb) {
        Where where = new Where(documents);
        List<TextFinding> out = new ArrayList<>();
        for (List<MentionFact> stay : where.byStay(statements).values()) {
            Map<String, List<MentionFact>> lists = new LinkedHashMap<>();
            Map<String, List<MentionFact>> revisions = new LinkedHashMap<>();
            for (MentionFact m : stay) {
                if (!"diagnosis-item".equals(m.getAttribute())) continue;
                if (sections.contains(m.getSection())) lists.computeIfAbsent(m.getRef(), k -> new ArrayList<>()).add(m);
                else if ("revised-diagnosis".equals(m.getSection()) || "supplementary-diagnosis".equals(m.getSection())) {
                    revisions.computeIfAbsent(m.getRef(), k -> new ArrayList<>()).add(m);
                }
            }
            for (Map.Entry<String, List<MentionFact>> from : lists.entrySet()) {
                DocumentFact fd = where.doc(from.getValue().get(0));
                if (fd == null || !fromKinds.contains(fd.getKind())) continue;
                for (Map.Entry<String, List<MentionFact>> to : lists.entrySet()) {
                    DocumentFact td = where.doc(to.getValue().get(0));
                    if (td == null || td == fd || !toKinds.contains(td.getKind())) continue;
                    List<MentionFact> f = firstList(from.getValue());
                    List<MentionFact> t = firstList(to.getValue());
                    List<MentionFact> dropped = missing(t, f, kb);
                    List<MentionFact> added = missing(f, t, kb);
                    List<MentionFact> rev = revisions.getOrDefault(td.getRef(), List.of());
                    int before = dropped.size();
                    dropped.removeIf(m -> explained(m, fd, rev, kb));
                    boolean excluded = dropped.size() < before;
                    // a diagnosis excluded on purpose is replaced by the one the note argues for
                    String discussion = outside(fd.getNarrative(), f);
                    added.removeIf(m -> explained(m, fd, rev, kb)
                            || excluded && argued(DiagnosisTerms.core(m.getNormalized(), kb), discussion));
                    if (!report.contains("added")) added.clear();
                    // items left out are shown beside items added, and reported alone only when asked
                    if (added.isEmpty() && (dropped.isEmpty() || !report.contains("dropped"))) continue;
                    TextFinding finding = new TextFinding(f.get(0)).also(t.get(0));
                    for (MentionFact m : dropped) finding.span(m);
                    for (MentionFact m : added) finding.span(m);
                    if (dropped.isEmpty()) finding.span(t.get(0));
                    if (added.isEmpty()) finding.span(f.get(0));
                    out.add(finding.value("place", where.place(f.get(0))).value("other", where.place(t.get(0)))
                            .value("dropped", dropped.isEmpty() ? new Localized("none", "无") : Where.joined(texts(dropped)))
                            .value("added", added.isEmpty() ? new Localized("none", "无") : Where.joined(texts(added))));
                }
            }
        }
        return out;
    }

    /** The items of the first list of a document (a note may hold 初步诊断 once). */
    private static List<MentionFact> firstList(List<MentionFact> items) {
        List<MentionFact> out = new ArrayList<>();
        String title = items.get(0).getSectionTitle();
        double last = 0;
        for (MentionFact m : items) {
            double order = m.getValue() == null ? last + 1 : m.getValue();
            if (order <= last || !java.util.Objects.equals(title, m.getSectionTitle())) break;
            out.add(m);
            last = order;
        }
        return out;
    }

    /** The items of {@code list} that {@code other} does not name. */
    private static List<MentionFact> missing(List<MentionFact> list, List<MentionFact> other, Knowledge kb) {
        StringBuilder all = new StringBuilder();
        for (MentionFact o : other) all.append(DiagnosisTerms.core(o.getNormalized(), kb)).append('|');
        List<MentionFact> out = new ArrayList<>();
        for (MentionFact m : list) {
            String core = DiagnosisTerms.core(m.getNormalized(), kb);
            if (core.isEmpty()) continue;
            boolean found = core.length() >= 2 && all.indexOf(core) >= 0;
            for (MentionFact o : other) found |= DiagnosisTerms.same(m.getNormalized(), o.getNormalized(), kb);
            if (!found) out.add(m);
        }
        return out;
    }

    private static boolean explained(MentionFact item, DocumentFact note, List<MentionFact> revisions, Knowledge kb) {
        String core = DiagnosisTerms.core(item.getNormalized(), kb);
        for (MentionFact r : revisions) if (DiagnosisTerms.same(r.getNormalized(), item.getNormalized(), kb)) return true;
        String text = note.getNarrative();
        if (text == null || core.length() < 2) return false;
        for (String sentence : text.split("[。；;\\n]")) {
            String bare = sentence.replaceAll("[\\s，,、：:]", "");
            if (bare.contains(core) && REVISED.matcher(sentence).find()) return true;
        }
        return false;
    }

    /** Whether a note argues for a diagnosis: its name, or at least four characters of it in a row (输尿管下段结石 for 输尿管结石). */
    private static boolean argued(String core, String discussion) {
        if (core.isEmpty()) return false;
        int need = Math.min(4, core.length());
        for (int i = 0; i + need <= core.length(); i++) if (discussion.contains(core.substring(i, i + need))) return true;
        return false;
    }

    /** A note's text without its diagnosis list, white space and punctuation set aside. */
    private static String outside(String narrative, List<MentionFact> list) {
        if (narrative == null || list.isEmpty()) return "";
        int from = list.get(0).getStart();
        int to = list.get(list.size() - 1).getEnd();
        String rest = narrative.substring(0, Math.min(from, narrative.length())) + "\n" + narrative.substring(Math.min(to, narrative.length()));
        return rest.replaceAll("[\\s，,、：:]", "");
    }

    private static List<String> texts(List<MentionFact> ms) {
        List<String> out = new ArrayList<>();
        for (MentionFact m : ms) out.add(Where.shown(m.getText()));
        return out;
    }

    /**
     * A principal diagnosis that is a symptom (腹痛, 发热, 头晕 …; knowledge table symptom-terms) while a definitive
     * diagnosis is also listed: the first item of a 出院诊断 in a document of the given kinds, and the principal
     * Condition of a stay (its text or display, or an ICD-10 code R00–R69). A symptom marked as not yet explained
     * (腹痛待查, 发热原因待查) is a fair principal diagnosis and is not reported; nor is one without a definitive
     * diagnosis beside it (one that is neither a symptom nor uncertain).
     */
    public static List<TextFinding> principalSymptom(List<?> statements, List<?> documents, List<?> conditions, List<String> kinds, Knowledge kb) {
        Where where = new Where(documents);
        List<TextFinding> out = new ArrayList<>();
        for (List<MentionFact> stay : where.byStay(statements).values()) {
            Map<String, List<MentionFact>> lists = new LinkedHashMap<>();
            for (MentionFact m : stay) {
                if (!"diagnosis-item".equals(m.getAttribute()) || !"discharge-diagnosis".equals(m.getSection())) continue;
                DocumentFact d = where.doc(m);
                if (d == null || !kinds.contains(d.getKind())) continue;
                lists.computeIfAbsent(m.getRef(), k -> new ArrayList<>()).add(m);
            }
            for (List<MentionFact> items : lists.values()) {
                List<MentionFact> list = firstList(items);
                MentionFact principal = list.get(0);
                if (!DiagnosisTerms.symptom(principal.getNormalized(), kb) || DiagnosisTerms.uncertain(principal.getNormalized())) continue;
                MentionFact definitive = null;
                for (MentionFact m : list.subList(1, list.size())) {
                    if (!DiagnosisTerms.symptom(m.getNormalized(), kb) && !DiagnosisTerms.uncertain(m.getNormalized())) {
                        definitive = m;
                        break;
                    }
                }
                if (definitive == null) continue;
                out.add(new TextFinding(principal).span(principal).span(definitive)
                        .value("place", where.place(principal)).value("principal", Where.shown(principal.getText()))
                        .value("definitive", Where.shown(definitive.getText())));
            }
        }
        for (Object o : conditions) {
            if (!(o instanceof ConditionFact p) || !p.isPrincipal() || p.isVoided()) continue;
            String label = p.getLabel();
            boolean rCode = p.getIcd10() != null && p.getIcd10().matches("R[0-6]\\d.*");
            if (!rCode && (label == null || !DiagnosisTerms.symptom(label, kb)) || label != null && DiagnosisTerms.uncertain(label)) continue;
            for (Object x : conditions) {
                if (!(x instanceof ConditionFact c) || c == p || c.isVoided() || !java.util.Objects.equals(c.getEncounterId(), p.getEncounterId())) continue;
                String l = c.getLabel();
                boolean cr = c.getIcd10() != null && c.getIcd10().startsWith("R");
                if (cr || l == null || DiagnosisTerms.symptom(l, kb) || DiagnosisTerms.uncertain(l)
                        || "provisional".equals(c.getVerificationStatus()) || "differential".equals(c.getVerificationStatus())) continue;
                out.add(new TextFinding(p).also(c).value("place", new Localized("the recorded diagnoses", "诊断记录"))
                        .value("principal", label == null ? p.getIcd10() : label).value("definitive", l));
                break;
            }
        }
        return out;
    }
}
