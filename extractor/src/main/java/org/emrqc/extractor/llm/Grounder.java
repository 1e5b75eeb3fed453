package org.emrqc.extractor.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a model's quote in the source text, so that every emitted offset slices the text to exactly the
 * quote: first an exact occurrence within the chunk (the one nearest the offset the model gave; without an
 * offset, the first one not yet taken by a mention of the same kind), else a match that ignores whitespace, letter case and full-width vs
 * half-width punctuation (the source's own characters are then the quote). Nothing found: ungrounded.
 */
final class Grounder {
    /** Characters a model commonly writes for one another. */
    private static final String[][] EQUIVALENT = {
        {",", "，"}, {":", "："}, {";", "；"}, {"(", "（"}, {")", "）"}, {"%", "％"}, {"!", "！"}, {"?", "？"},
        {"~", "～", "〜"}, {"-", "－", "—", "–"}, {"/", "／"}, {"[", "【"}, {"]", "】"}, {"<", "＜"}, {">", "＞"},
        {"=", "＝"}, {"+", "＋"}, {".", "．", "。"}, {"°", "º"}
    };

    private Grounder() { }

    /**
     * @param hint  offset in {@code text} the model gave for the quote, or -1
     * @param taken spans already emitted for this kind (start &lt;&lt; 32 | end); preferred against
     * @return {start, end} in {@code text}, within [from, to), or null
     */
    static int[] locate(String text, int from, int to, String quote, int hint, Set<Long> taken) {
        if (quote == null) return null;
        String q = quote.strip();
        if (q.isEmpty() || q.length() > to - from) return null;
        List<int[]> hits = new ArrayList<>();
        for (int i = text.indexOf(q, from); i >= 0 && i + q.length() <= to; i = text.indexOf(q, i + 1)) {
            hits.add(new int[] {i, i + q.length()});
        }
        if (hits.isEmpty()) {
            Matcher m = loose(q).matcher(text).region(from, to);
            while (m.find()) {
                hits.add(new int[] {m.start(), m.end()});
                if (m.end() == m.start()) break;
            }
        }
        if (hits.isEmpty()) return null;
        int[] best = null;
        boolean bestFree = false;
        long bestDistance = Long.MAX_VALUE;
        for (int[] h : hits) {
            boolean free = !taken.contains(key(h[0], h[1]));
            long distance = hint < 0 ? 0 : Math.abs((long) h[0] - hint);
            boolean better;
            if (best == null) better = true;
            else if (hint >= 0) better = distance < bestDistance || (distance == bestDistance && free && !bestFree);
            else better = free && !bestFree;
            if (better) {
                best = h;
                bestFree = free;
                bestDistance = distance;
            }
        }
        return best;
    }

    static long key(int start, int end) {
        return ((long) start << 32) | (end & 0xffffffffL);
    }

    /** The quote as a pattern: whitespace optional between any two characters, case and punctuation width ignored. */
    static Pattern loose(String quote) {
        StringBuilder p = new StringBuilder();
        int[] cps = quote.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        for (int i = 0; i < cps.length; i++) {
            if (i > 0) p.append("\\s*");
            String c = new String(Character.toChars(cps[i]));
            String[] eq = equivalents(c);
            if (eq == null) {
                p.append(Pattern.quote(c));
            } else {
                p.append("(?:");
                for (int j = 0; j < eq.length; j++) p.append(j > 0 ? "|" : "").append(Pattern.quote(eq[j]));
                p.append(')');
            }
        }
        return Pattern.compile(p.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String[] equivalents(String c) {
        for (String[] group : EQUIVALENT) {
            for (String g : group) if (g.equals(c)) return group;
        }
        return null;
    }
}
