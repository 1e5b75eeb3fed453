package org.emrqc.rules.engine;

import org.emrqc.model.CodedFact;
import org.emrqc.model.Coding;
import org.emrqc.rules.pack.Knowledge;
import org.emrqc.rules.pack.Row;

/**
 * Names the act an order or a procedure records (consultation, transfusion, rescue, critical-illness-notice …) from
 * the pack's {@code act-kinds} table: by coding (system, code) first, then by the longest term of the table (system
 * "text", {@link LongestTerms}) its name contains, as HIS systems send most orders by name only (请心内科会诊,
 * 输注悬浮红细胞2U, 病危).
 */
final class ActClassifier {
    static final String TABLE = "act-kinds";

    private ActClassifier() { }

    /** The act kind of a coded fact, from its codings, its text and the extra names given (e.g. a category). */
    static String classify(CodedFact f, Knowledge kb, String... moreNames) {
        if (!kb.tables().containsKey(TABLE)) return null;
        Row coded = byCodings(f.getCodings(), kb);
        if (coded != null) return kindOf(coded);
        String kind = byText(f.getText(), kb);
        for (String name : moreNames) if (kind == null) kind = byText(name, kb);
        return kind;
    }

    /** The examination a report records: by its code, then its category (v2-0074 CT, PAT, MB …), then their texts. */
    static String report(org.emrqc.model.DiagnosticReportFact r, Knowledge kb) {
        if (!kb.tables().containsKey(TABLE)) return null;
        Row coded = byCodings(r.getCodings(), kb);
        if (coded != null) return kindOf(coded);
        String kind = byText(r.getText(), kb);
        if (kind != null) return kind;
        Row category = byCodings(r.getCategories(), kb);
        if (category != null) return kindOf(category);
        return byText(r.getCategoryText(), kb);
    }

    /** The table's row for the first of the codings it lists, or null. */
    private static Row byCodings(java.util.List<Coding> codings, Knowledge kb) {
        for (Coding c : codings) {
            Row row = kb.row(TABLE, Knowledge.systemName(c.getSystem()), c.getCode());
            if (row != null) return row;
        }
        return null;
    }

    /** A row's kind; "none" (a term that names no act) is null. */
    private static String kindOf(Row row) { return "none".equals(row.str("kind")) ? null : row.str("kind"); }

    static String byText(String text, Knowledge kb) {
        if (text == null || text.isBlank()) return null;
        String t = text.replaceAll("\\s+", "");
        for (Row r : LongestTerms.of(kb, TABLE, "text", "kind")) {
            if (t.contains(r.str("code"))) return kindOf(r);
        }
        return null;
    }
}
