package org.emrqc.rules.text;

import java.util.regex.Pattern;
import org.emrqc.rules.pack.Knowledge;
import org.emrqc.rules.pack.Row;

/**
 * Diagnosis items reduced to what they name, for comparing lists written by different hands: numbering,
 * punctuation and white space dropped; bracketed remarks, grades and stages (3级 极高危, IV期) dropped; the marks of
 * an uncertain diagnosis (待查, 可能, ？, 考虑) dropped; a synonym replaced by its canonical name (knowledge table
 * diagnosis-synonyms, which a region can extend).
 */
final class DiagnosisTerms {
    static final String SYNONYMS = "diagnosis-synonyms";
    static final String SYMPTOMS = "symptom-terms";
    private static final Pattern BRACKETS = Pattern.compile("[（(【\\[][^）)】\\]]*[）)】\\]]?");
    private static final Pattern UNCERTAIN = Pattern.compile("原因待查|性质待查|待查|待排|待除外|可能性大|可能|考虑|疑似|拟诊|[？?]");
    private static final Pattern GRADE = Pattern.compile("(?:[0-9ⅠⅡⅢⅣⅤIVX]+|[一二三四])(?:级|期|度).*$|(?:极高危|高危|中危|低危)(?:组)?");
    private static final Pattern NOISE = Pattern.compile("[\\s，,。；;：:、.．·\"“”'‘’\\-—_/]+");

    private DiagnosisTerms() { }

    /** Whether the item is marked uncertain (待查, 可能, ？ …). */
    static boolean uncertain(String item) {
        return UNCERTAIN.matcher(item).find();
    }

    /** What the item names, reduced (see the class comment). */
    static String core(String item, Knowledge kb) {
        String t = item == null ? "" : item;
        t = t.replaceFirst("^\\s*(?:\\d+|[①-⑳])\\s*[.．、)）]?", "");
        t = BRACKETS.matcher(t).replaceAll("");
        // the G/P of an obstetric diagnosis is compared as obstetric history, not as a diagnosis
        t = t.replaceAll("孕\\s*\\d+\\s*产\\s*\\d+|(?<![A-Za-z])G\\d+P\\d+", "");
        t = UNCERTAIN.matcher(t).replaceAll("");
        t = NOISE.matcher(t).replaceAll("");
        t = GRADE.matcher(t).replaceAll("");
        return canonical(t, kb);
    }

    /** The canonical name of a term by the synonyms table (the term itself when it has none). */
    static String canonical(String t, Knowledge kb) {
        if (kb == null || t.isEmpty() || !kb.tables().containsKey(SYNONYMS)) return t;
        Row r = kb.row(SYNONYMS, t);
        return r != null && r.str("canonical") != null ? r.str("canonical") : t;
    }

    /** Whether two items name the same diagnosis: equal cores, or one core within the other (at least 2 characters). */
    static boolean same(String a, String b, Knowledge kb) {
        String x = core(a, kb);
        String y = core(b, kb);
        if (x.isEmpty() || y.isEmpty()) return x.equals(y);
        if (x.equals(y)) return true;
        return x.length() >= 2 && y.length() >= 2 && (x.contains(y) || y.contains(x));
    }

    /** Whether an item names a symptom (腹痛, 发热 …; knowledge table symptom-terms), not a diagnosis. */
    static boolean symptom(String item, Knowledge kb) {
        if (kb == null || !kb.tables().containsKey(SYMPTOMS)) return false;
        String c = core(item, kb);
        return !c.isEmpty() && kb.row(SYMPTOMS, c) != null;
    }
}
