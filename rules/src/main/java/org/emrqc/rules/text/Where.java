package org.emrqc.rules.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.DiagnosticReportFact;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.Fact;
import org.emrqc.model.Localized;
import org.emrqc.model.MentionFact;
import org.emrqc.rules.engine.ClinicalNames;

/**
 * The documents of a record as the text checks see them: by reference, in the order they were written, with the names a reviewer
 * reads ("入院记录「婚育史」"), and the statements of a stay in reading order (document order, then offset).
 */
final class Where {
    private final Map<String, DocumentFact> byRef = new HashMap<>();
    private final Map<String, DiagnosticReportFact> reports = new HashMap<>();
    private final Map<String, Integer> order = new HashMap<>();

    /**
     * Documents (and reports) in the order they were written: date, else signing time (a report's effective, else
     * issued time); undated last; then by reference.
     */
    Where(List<?> documents) {
        List<Fact> docs = new ArrayList<>();
        for (Object o : documents) {
            if (o instanceof DocumentFact d) {
                byRef.put(d.getRef(), d);
                docs.add(d);
            } else if (o instanceof DiagnosticReportFact r) {
                reports.put(r.getRef(), r);
                docs.add(r);
            }
        }
        docs.sort(Comparator.comparing(Where::written, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Fact::getRef));
        for (int i = 0; i < docs.size(); i++) order.put(docs.get(i).getRef(), i);
    }

    private static Long written(Fact f) {
        if (f instanceof DocumentFact d) return d.getDate() != null ? d.getDate() : d.getSignedAt();
        if (f instanceof DiagnosticReportFact r) return r.getEffective() != null ? r.getEffective() : r.getIssued();
        return null;
    }

    DocumentFact doc(Fact f) { return f == null ? null : byRef.get(f.getRef()); }

    /** The statements, in reading order. */
    List<MentionFact> ordered(List<?> mentions) {
        List<MentionFact> out = new ArrayList<>();
        for (Object o : mentions) if (o instanceof MentionFact m) out.add(m);
        out.sort(Comparator.comparingInt((MentionFact m) -> order.getOrDefault(m.getRef(), Integer.MAX_VALUE))
                .thenComparing(MentionFact::getRef).thenComparingInt(MentionFact::getStart));
        return out;
    }

    /** Statements grouped by stay (encounter id; "" when none), each group in reading order. */
    Map<String, List<MentionFact>> byStay(List<?> mentions) {
        Map<String, List<MentionFact>> out = new java.util.LinkedHashMap<>();
        for (MentionFact m : ordered(mentions)) out.computeIfAbsent(m.getEncounterId() == null ? "" : m.getEncounterId(), k -> new ArrayList<>()).add(m);
        return out;
    }

    boolean before(MentionFact a, MentionFact b) {
        int oa = order.getOrDefault(a.getRef(), Integer.MAX_VALUE);
        int ob = order.getOrDefault(b.getRef(), Integer.MAX_VALUE);
        if (oa != ob) return oa < ob;
        int c = a.getRef().compareTo(b.getRef());
        return c != 0 ? c < 0 : a.getStart() < b.getStart();
    }

    /** The name of the document a statement is in (its title as written). */
    Localized document(MentionFact m) {
        DocumentFact d = byRef.get(m.getRef());
        if (d != null) return ClinicalNames.document(d);
        DiagnosticReportFact r = reports.get(m.getRef());
        String label = r == null ? null : r.getLabel();
        if (label != null && !label.isBlank()) {
            String l = label.strip();
            return new Localized("report \"" + l + "\"", l.endsWith("报告") ? l : l + "报告");
        }
        return new Localized("report", "检查报告");
    }

    /** Document and section: 入院记录「婚育史」 / admission record (marital and reproductive history). */
    Localized place(MentionFact m) {
        Localized doc = document(m);
        String title = m.getSectionTitle();
        // a first section titled as the document (首次病程记录「首次病程记录」) says nothing more
        if (title == null || title.isBlank() || title.strip().equals(doc.zh()) || doc.zh() != null && doc.zh().endsWith(title.strip())) return doc;
        Localized sec = ClinicalNames.section(m.getSection());
        boolean known = m.getSection() != null && !"other".equals(m.getSection()) && !m.getSection().equals(sec.zh());
        String en = known ? sec.en() : title;
        return new Localized(doc.en() + " (" + en + ")", doc.zh() + "「" + title.strip() + "」");
    }

    /** A quote for a message: white space run together. */
    static String shown(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** Items joined for a message: 、 in Chinese, ", " in English. */
    static Localized joined(List<String> items) {
        return new Localized(String.join(", ", items), String.join("、", items));
    }
}
