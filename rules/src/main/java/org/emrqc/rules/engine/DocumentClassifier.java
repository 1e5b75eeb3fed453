package org.emrqc.rules.engine;

import java.util.regex.Pattern;
import org.emrqc.model.Coding;
import org.emrqc.model.DocumentFact;
import org.emrqc.rules.pack.Knowledge;
import org.emrqc.rules.pack.Row;

/**
 * Sets each document's kind (admission-record, first-progress-note, operative-note ...) from the pack's
 * {@code document-types} table: by type coding (system, code) first, then by title (system "title"), so that
 * hospitals whose documents carry only local titles are classified too. Titles are read as HIS systems write them:
 * a date, a time, a number or a physician's name around the title ("2019-01-03 10:20 张**主治医师查房记录") does not
 * hide it, and the longest known title a title contains wins (术后首次病程记录 over 首次病程记录 over 病程记录). A
 * document titled only generically (病程记录) whose text begins with a more specific title (首次病程记录) takes that
 * one. A progress note whose text says that an attending or a chief physician made the round is also marked as that
 * round ({@link DocumentFact#getRoundKind()}), as 病历书写基本规范 lets rounds be recorded in progress notes.
 */
final class DocumentClassifier {
    static final String TABLE = "document-types";
    private static final Pattern NOISE = Pattern.compile("[\\s\\d:：\\-/.年月日时分()（）【】\\[\\]#]+");
    private static final Pattern ATTENDING_ROUND = Pattern.compile("主治(?:医师|医生)?[\\p{IsHan}*＊]{0,4}查房|(?:主治医师|主治医生)[^，。；\\n]{0,8}查看(?:患者|病人)");
    private static final Pattern SENIOR_ROUND = Pattern.compile("(?:副主任|主任)(?:医师|医生)?[\\p{IsHan}*＊]{0,4}查房|(?:副主任|主任)(?:医师|医生)[^，。；\\n]{0,8}查看(?:患者|病人)");

    private DocumentClassifier() { }

    static void classify(DocumentFact d, Knowledge kb) {
        if (!kb.tables().containsKey(TABLE)) return;
        String kind = byCode(d, kb);
        if (kind == null) kind = byTitle(nz(d.getTitle()), kb);
        if (kind == null) kind = byTitle(nz(d.getText()), kb);
        if (kind == null || "progress-note".equals(kind)) {
            String head = head(d.getNarrative());
            String specific = head.isEmpty() ? null : byTitle(head, kb);
            if (specific != null && (kind == null || !"progress-note".equals(specific))) kind = specific;
        }
        d.setKind(kind);
        d.setRoundKind(roundKind(d));
    }

    /**
     * The kind of a Consent resource (consent-surgery, consent-transfusion, critical-notice …) from its category
     * codings and text, as for a document titled so; "consent" when neither says more.
     */
    static String consentKind(org.emrqc.model.ConsentFact c, Knowledge kb) {
        if (!kb.tables().containsKey(TABLE)) return "consent";
        for (Coding k : c.getCodings()) {
            Row r = kb.row(TABLE, Knowledge.systemName(k.getSystem()), k.getCode());
            if (r != null && r.str("kind") != null && (r.str("kind").startsWith("consent") || r.str("kind").endsWith("notice"))) return r.str("kind");
        }
        String kind = byTitle(nz(c.getText()), kb);
        return kind != null && (kind.startsWith("consent") || kind.endsWith("notice")) ? kind : "consent";
    }

    private static String byCode(DocumentFact d, Knowledge kb) {
        for (Coding c : d.getCodings()) {
            Row r = kb.row(TABLE, Knowledge.systemName(c.getSystem()), c.getCode());
            if (r != null) return r.str("kind");
        }
        return null;
    }

    /** The kind of a title: exact, else the longest known title it contains (dates, times and names ignored). */
    static String byTitle(String title, Knowledge kb) {
        String t = title.strip();
        if (t.isEmpty()) return null;
        Row exact = kb.row(TABLE, "title", t);
        if (exact != null) return exact.str("kind");
        String bare = NOISE.matcher(t).replaceAll("");
        if (bare.isEmpty()) return null;
        exact = kb.row(TABLE, "title", bare);
        if (exact != null) return exact.str("kind");
        for (Row r : LongestTerms.of(kb, TABLE, "title", "kind")) {
            String known = r.str("code");
            if (known.length() >= 2 && bare.contains(known)) return r.str("kind");
        }
        return null;
    }

    /** The first line of a narrative that holds a word, up to 40 characters (where a combined note names itself). */
    private static String head(String narrative) {
        if (narrative == null) return "";
        for (String line : narrative.split("\n", 4)) {
            if (!line.isBlank()) {
                String s = line.strip();
                return s.length() > 40 ? s.substring(0, 40) : s;
            }
        }
        return "";
    }

    /** superior-round or senior-round when the note says who made the round; null otherwise. */
    private static String roundKind(DocumentFact d) {
        String k = d.getKind();
        if ("superior-round".equals(k) || "senior-round".equals(k)) return k;
        if (k != null && !"progress-note".equals(k) && !"ward-round".equals(k) && !"postop-note".equals(k)) return null;
        String text = d.getNarrative();
        if (text == null) return null;
        String head = text.length() > 400 ? text.substring(0, 400) : text;
        if (SENIOR_ROUND.matcher(head).find()) return "senior-round";
        if (ATTENDING_ROUND.matcher(head).find()) return "superior-round";
        String title = nz(d.getTitle());
        if (title.contains("主任")) return "senior-round";
        if (title.contains("主治")) return "superior-round";
        return null;
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
