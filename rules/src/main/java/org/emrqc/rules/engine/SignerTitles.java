package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.emrqc.model.Coding;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.Localized;
import org.emrqc.model.PractitionerFact;
import org.emrqc.rules.pack.Knowledge;
import org.emrqc.rules.pack.Row;

/**
 * Whether the people on a document (its authors and its signers) include one of the professional title a document
 * needs: a 主治医师查房记录 signed by a 主治医师 or higher, a trainee's note signed by a registered physician. Titles
 * come from Practitioner.qualification and PractitionerRole.code, ranked by the pack's {@code practitioner-titles}
 * table (by coding, else by the longest title written in its display or text). A document is judged only when
 * every person on it has a known title: one unknown signer might be the one who holds it.
 */
public final class SignerTitles {
    static final String TABLE = "practitioner-titles";
    private static final String[] RANK_ZH = {"实习/试用期医师", "医师", "主治医师", "副主任医师", "主任医师"};
    private static final String[] RANK_EN = {"trainee", "physician", "attending physician", "associate chief physician", "chief physician"};

    private SignerTitles() { }

    /** The people on a document and their best titles, when all of them hold a title below {@code minRank}. */
    static List<Shortfall> below(RecordContext ctx, Knowledge kb, DocumentFact d, String[] kinds, int minRank) {
        if (d == null || !kb.tables().containsKey(TABLE) || !Drl.isKind(d, kinds)) return List.of();
        Set<String> people = new LinkedHashSet<>(d.getAuthorIds());
        people.addAll(d.getAttesterIds());
        if (people.isEmpty()) return List.of();
        int best = -1;
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (String id : people) {
            Title title = null;
            String name = null;
            for (PractitionerFact p : ctx.of(PractitionerFact.class)) {
                if (!id.equals(p.getId()) && !id.equals(p.getPractitionerId())) continue;
                if (name == null && p.getName() != null) name = p.getName();
                Title t = title(p, kb);
                if (t != null && (title == null || t.rank > title.rank)) title = t;
            }
            if (title == null) return List.of();
            best = Math.max(best, title.rank);
            String who = name != null ? name : id;
            zh.add(who + "（" + (title.written != null ? title.written : RANK_ZH[title.rank]) + "）");
            en.add(who + " (" + (title.written != null ? title.written : RANK_EN[title.rank]) + ")");
        }
        if (best >= minRank) return List.of();
        return List.of(new Shortfall(new Localized(String.join(", ", en), String.join("、", zh)), rankName(minRank)));
    }

    static Localized rankName(int rank) {
        int r = Math.max(0, Math.min(rank, RANK_ZH.length - 1));
        return new Localized(RANK_EN[r], RANK_ZH[r]);
    }

    /** A practitioner's title as ranked, and as written (the coding's display or text), when it is known. */
    private record Title(int rank, String written) { }

    /** The highest-ranked of a practitioner's titles, or null when none is known. */
    private static Title title(PractitionerFact p, Knowledge kb) {
        Title best = null;
        for (Coding c : p.getTitles()) {
            Row r = c.getCode() == null ? null : kb.row(TABLE, Knowledge.systemName(c.getSystem()), c.getCode());
            if (r == null) r = byText(c.getDisplay(), kb);
            if (r == null && c.getCode() != null && c.getSystem() == null) r = byText(c.getCode(), kb);
            if (r == null) continue;
            int rank = Math.max(0, Math.min((int) r.num("rank"), RANK_ZH.length - 1));
            String written = c.getDisplay() != null && !c.getDisplay().isBlank() ? c.getDisplay().strip() : null;
            if (best == null || rank > best.rank) best = new Title(rank, written);
        }
        return best;
    }

    private static Row byText(String text, Knowledge kb) {
        if (text == null || text.isBlank()) return null;
        String t = text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
        for (Row r : LongestTerms.of(kb, TABLE, "text", "rank")) if (t.contains(r.str("code").replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT))) return r;
        return null;
    }

    /**
     * A document whose people all rank below what it needs.
     *
     * @param signers the people on it with their titles, as the message names them
     * @param required the title it needs (or higher)
     */
    public record Shortfall(Localized signers, Localized required) { }
}
