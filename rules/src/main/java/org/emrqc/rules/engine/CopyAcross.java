package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.List;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.DocumentSection;
import org.emrqc.model.SectionFact;

/**
 * Copying across documents, as the 2021 indicator 不合理复制病历发生率 counts it: a part of one document (a section, or
 * the whole note) that repeats a part of another (or of the same document: 拟诊讨论 that restates 病例特点). Parts are
 * compared by {@link Drl#copySimilarity}; empty sections and unfilled template text are never a copy.
 */
final class CopyAcross {
    /** The section code that stands for the whole note (a template line with an empty list would be dropped). */
    static final String WHOLE_NOTE = "note";

    private CopyAcross() { }

    static List<CopiedText> find(RecordContext ctx, DocumentFact from, List<String> fromSections, DocumentFact to, List<String> toSections,
                                 double threshold, int minChars) {
        if (from == null || to == null) return List.of();
        List<Part> targets = parts(ctx, to, toSections, minChars);
        if (targets.isEmpty()) return List.of();
        List<Part> sources = parts(ctx, from, fromSections, minChars);
        List<CopiedText> out = new ArrayList<>();
        for (Part t : targets) {
            CopiedText best = null;
            for (Part s : sources) {
                if (from == to && s.section != null && t.section != null && s.section.getStart() == t.section.getStart()) continue;
                if (s.section == null && t.section == null && from == to) continue;
                double sim = Drl.copySimilarity(s.text, t.text);
                if (sim >= threshold && (best == null || sim > best.similarity())) best = new CopiedText(s.section, t.section, sim);
            }
            if (best != null) out.add(best);
        }
        return out;
    }

    private record Part(SectionFact section, String text) { }

    /**
     * The parts of {@code to} that repeat a section of another patient's document in the batch (at least threshold
     * similar, both at least minChars long), unless {@code to} was certainly completed before that document (the later
     * one is the copy; when the order cannot be told, both are). The most similar peer per part.
     */
    static List<PeerCopy> fromPeers(RecordContext ctx, DocumentFact to, List<String> sections, double threshold, int minChars) {
        if (to == null || ctx.getPeers().isEmpty()) return List.of();
        List<Part> targets = parts(ctx, to, sections, minChars);
        List<PeerCopy> out = new ArrayList<>();
        for (Part t : targets) {
            PeerCopy best = null;
            for (PeerSection p : ctx.getPeers()) {
                if (t.section == null || !t.section.getCode().equals(p.code()) || chars(p.text()) < minChars) continue;
                // certainly earlier than the peer: the peer copied this one, not the reverse
                if (to.getCompletedLatest() != null && p.at() != null && to.getCompletedLatest() < p.at()) continue;
                double sim = Drl.copySimilarity(p.text(), t.text);
                if (sim >= threshold && (best == null || sim > best.similarity())) best = new PeerCopy(t.section, p, sim);
            }
            if (best != null) out.add(best);
        }
        return out;
    }

    private static List<Part> parts(RecordContext ctx, DocumentFact d, List<String> codes, int minChars) {
        List<Part> out = new ArrayList<>();
        if (codes == null || codes.isEmpty() || codes.equals(List.of(WHOLE_NOTE))) {
            if (chars(d.getNarrative()) >= minChars) out.add(new Part(null, d.getNarrative()));
            return out;
        }
        for (SectionFact s : ctx.of(SectionFact.class)) {
            if (!d.getResourceType().equals(s.getResourceType()) || !d.getId().equals(s.getId())) continue;
            if (s.isEmpty() || s.isBoilerplate() || s.getCode() == null || !matches(s.getCode(), codes)) continue;
            SectionFact whole = whole(d, s);
            if (chars(whole.getContent()) >= minChars) out.add(new Part(whole, whole.getContent()));
        }
        return out;
    }

    /**
     * A section as the document's author wrote it: where the detected section begins a section of the Composition
     * with the same title, the whole of that section, with the sub-headings written inside it ("3.查体：…4.辅助检查：…"
     * inside 病例特点 are parts of the summary, not sections of the note).
     */
    static SectionFact whole(DocumentFact d, SectionFact s) {
        String narrative = d.getNarrative();
        if (narrative == null || s.getTitle() == null || s.getContent() == null) return s;
        String title = s.getTitle().replaceAll("\\s+", "");
        for (DocumentSection ds : d.getSections()) {
            if (ds.getTitle() == null || ds.getText() == null || !ds.getTitle().replaceAll("\\s+", "").equals(title)) continue;
            String t = ds.getText().strip();
            if (t.length() <= s.getContent().length() || !narrative.startsWith(t, s.getStart())) continue;
            SectionFact w = new SectionFact(s.getResourceType(), s.getId(), s.getTitle(), s.getCode(), s.getStart(), s.getStart() + t.length(), t, false, false);
            w.setPatientId(s.getPatientId());
            w.setEncounterId(s.getEncounterId());
            w.setDocumentKind(s.getDocumentKind());
            return w;
        }
        return s;
    }

    private static boolean matches(String code, List<String> codes) {
        for (String c : codes) {
            for (String alt : c.split("\\|")) if (alt.equals(code)) return true;
        }
        return false;
    }

    private static int chars(String s) {
        if (s == null) return 0;
        return s.replaceAll("[\\s\\p{Punct}，。；：、（）【】“”]", "").length();
    }
}
