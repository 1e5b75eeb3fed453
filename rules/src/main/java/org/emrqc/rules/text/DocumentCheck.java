package org.emrqc.rules.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.DocumentSection;
import org.emrqc.model.EvidenceSpan;
import org.emrqc.model.Localized;
import org.emrqc.model.MentionFact;
import org.emrqc.rules.engine.ClinicalNames;
import org.emrqc.rules.engine.Drl;
import org.emrqc.rules.engine.RecordContext;

/** Checks on whole documents: what a template left unfilled, blank and repeated documents. */
public final class DocumentCheck {
    /** A label and its colon (姓名：, 医师签名：) — what is left of a field nobody filled. */
    private static final Pattern LABEL = Pattern.compile("[\\p{IsHan}A-Za-z]{1,10}\\s*[：:]");
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{Punct}，。；：、（）【】“”‘’—·\\-_/]+");

    private DocumentCheck() { }

    /**
     * One finding per document that holds template controls left unfilled (statements "template-control"): the
     * controls listed as written, up to {@code maxShown}, every one an evidence span. Controls written as in
     * {@code ignore} (white space aside; e.g. 体重：kg where the admission weight is not required) are not counted.
     */
    public static List<TextFinding> unfilledControls(List<?> statements, List<?> documents, int maxShown, List<String> ignore) {
        Where where = new Where(documents);
        java.util.Set<String> skip = new java.util.HashSet<>();
        for (String i : ignore) skip.add(bareControl(i));
        Map<String, List<MentionFact>> byDoc = new LinkedHashMap<>();
        for (MentionFact m : where.ordered(statements)) {
            if (!"template-control".equals(m.getAttribute()) || skip.contains(bareControl(m.getText()))) continue;
            byDoc.computeIfAbsent(m.getRef(), k -> new ArrayList<>()).add(m);
        }
        List<TextFinding> out = new ArrayList<>();
        for (List<MentionFact> controls : byDoc.values()) {
            MentionFact first = controls.get(0);
            TextFinding f = new TextFinding(first);
            List<String> shown = new ArrayList<>();
            for (MentionFact m : controls) {
                f.span(m);
                String q = "“" + Where.shown(m.getText()) + "”";
                if (shown.size() < maxShown && !shown.contains(q)) shown.add(q);
            }
            Localized list = Where.joined(shown);
            if (controls.size() > shown.size()) list = new Localized(list.en() + " …", list.zh() + "等");
            out.add(f.value("document", where.document(first)).value("controls", list).value("controlCount", controls.size()));
        }
        return out;
    }

    /** A control as compared with the ignore list: without white space, colons made alike. */
    private static String bareControl(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").replace(':', '：');
    }

    /**
     * A blank document beside the real one: two final documents of one kind in a stay, where every section of the
     * first is empty, holds only field labels (上级医师： 医师：记录时间：), or says what the same section of the
     * second says (a header copied over), while the second has at least {@code minSections} sections with content
     * the first lacks (every section, for a note of fewer sections: a blank 日常病程记录 beside a written one). Documents without sections are compared by their text (labels set aside): at most 10
     * characters against at least {@code minChars}.
     */
    public static List<TextFinding> blankDuplicates(List<?> documents, int minSections, int minChars) {
        List<DocumentFact> docs = new ArrayList<>();
        for (Object o : documents) if (o instanceof DocumentFact d && d.getKind() != null && d.getEncounterId() != null && d.isFinal()) docs.add(d);
        List<TextFinding> out = new ArrayList<>();
        for (DocumentFact a : docs) {
            for (DocumentFact b : docs) {
                if (a == b || !a.getKind().equals(b.getKind()) || !a.getEncounterId().equals(b.getEncounterId())) continue;
                List<String> filledOnlyInB = blankBeside(a, b, minChars);
                if (filledOnlyInB == null || filledOnlyInB.size() < Math.min(minSections, b.getSections().size()) && !a.getSections().isEmpty()) continue;
                TextFinding f = new TextFinding(a).also(b).value("document", ClinicalNames.document(a))
                        .value("other", ClinicalNames.document(b)).value("sections", Where.joined(filledOnlyInB));
                for (String title : filledOnlyInB) {
                    f.span(headerSpan(a, title));
                    f.span(contentSpan(b, title));
                }
                out.add(f);
                break;
            }
        }
        return out;
    }

    /** The titles of sections b fills and a leaves blank, when a is blank beside b; null when it is not. */
    private static List<String> blankBeside(DocumentFact a, DocumentFact b, int minChars) {
        if (a.getSections().isEmpty() || b.getSections().isEmpty()) {
            if (!a.getSections().isEmpty() || !b.getSections().isEmpty()) return null;
            return content(a.getNarrative()) <= 10 && content(b.getNarrative()) >= minChars ? List.of() : null;
        }
        Map<String, String> bByTitle = new LinkedHashMap<>();
        for (DocumentSection s : b.getSections()) bByTitle.putIfAbsent(key(s.getTitle()), s.getText());
        for (DocumentSection s : a.getSections()) {
            String text = s.getText();
            if (content(text) == 0) continue;
            String other = bByTitle.get(key(s.getTitle()));
            if (other == null || !NOISE.matcher(other).replaceAll("").equals(NOISE.matcher(text).replaceAll(""))) return null;
        }
        List<String> filled = new ArrayList<>();
        Map<String, String> aByTitle = new LinkedHashMap<>();
        for (DocumentSection s : a.getSections()) aByTitle.putIfAbsent(key(s.getTitle()), s.getText());
        for (DocumentSection s : b.getSections()) {
            if (s.getTitle() == null || content(s.getText()) < 2) continue;
            String mine = aByTitle.get(key(s.getTitle()));
            if (aByTitle.containsKey(key(s.getTitle())) && content(mine) == 0) filled.add(s.getTitle().strip());
        }
        return filled.isEmpty() ? null : filled;
    }

    private static String key(String title) { return title == null ? "" : title.strip(); }

    /** Characters of content: the text without field labels, white space and punctuation. */
    static int content(String text) {
        if (text == null) return 0;
        return NOISE.matcher(LABEL.matcher(text).replaceAll("")).replaceAll("").length();
    }

    /** The span of a section's title in a document's text (where the blank section is). */
    private static EvidenceSpan headerSpan(DocumentFact d, String title) {
        String text = d.getNarrative();
        if (text == null) return null;
        int at = text.indexOf(title);
        if (at < 0) return null;
        return new EvidenceSpan(d.getRef(), at, at + title.length(), title, null, 1.0, "offline", false);
    }

    /** The span of a section's content in a document's text. */
    private static EvidenceSpan contentSpan(DocumentFact d, String title) {
        String text = d.getNarrative();
        if (text == null) return null;
        for (DocumentSection s : d.getSections()) {
            if (!title.equals(key(s.getTitle())) || s.getText() == null) continue;
            int h = text.indexOf(title);
            int at = h < 0 ? -1 : text.indexOf(s.getText().strip(), h + title.length());
            if (at < 0) return null;
            String quote = s.getText().strip();
            return new EvidenceSpan(d.getRef(), at, at + quote.length(), quote, null, 1.0, "offline", false);
        }
        return null;
    }

    /**
     * The same note saved twice on one day: two documents of the given kinds in a stay, dated on the same calendar
     * day (at the precision of both dates), whose texts are identical once white space, punctuation and the
     * date-time stamps are set aside. Each pair once, the later one implicated.
     */
    public static List<TextFinding> sameDayDuplicates(List<?> documents, List<String> kinds, int minChars, RecordContext ctx) {
        List<DocumentFact> docs = new ArrayList<>();
        for (Object o : documents) {
            if (o instanceof DocumentFact d && kinds.contains(d.getKind()) && d.getEncounterId() != null && d.getNarrative() != null
                    && d.getDate() != null && d.getNarrative().length() >= minChars) docs.add(d);
        }
        List<TextFinding> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            for (int j = i + 1; j < docs.size(); j++) {
                DocumentFact a = docs.get(i);
                DocumentFact b = docs.get(j);
                if (!a.getEncounterId().equals(b.getEncounterId()) || !identical(a, b, ctx)) continue;
                DocumentFact later = b.getDate() >= a.getDate() ? b : a;
                DocumentFact earlier = later == b ? a : b;
                out.add(new TextFinding(later).also(earlier).value("document", ClinicalNames.document(later))
                        .value("other", ClinicalNames.document(earlier))
                        .value("written", Drl.time(later.getDate(), later.getDateLatest()))
                        .value("otherWritten", Drl.time(earlier.getDate(), earlier.getDateLatest())));
            }
        }
        return out;
    }

    /** Whether two notes are the same note saved twice on one day (see {@link #sameDayDuplicates}). */
    public static boolean identical(DocumentFact a, DocumentFact b, RecordContext ctx) {
        if (a.getDate() == null || b.getDate() == null || a.getNarrative() == null || b.getNarrative() == null) return false;
        if (!ctx.sameDay(a.getDate(), a.getDateLatest(), b.getDate(), b.getDateLatest())) return false;
        return bare(a.getNarrative()).equals(bare(b.getNarrative()));
    }

    private static final Pattern STAMP = Pattern.compile("(?:19|20)\\d{2}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?(?:\\s*\\d{1,2}\\s*[:：时]\\s*\\d{1,2}分?(?:\\s*[:：]\\s*\\d{1,2})?)?");

    private static String bare(String text) {
        return NOISE.matcher(STAMP.matcher(text).replaceAll("")).replaceAll("");
    }
}
