package org.emrqc.extractor.llm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.emrqc.model.SectionFact;

/**
 * Cuts a document into the pieces sent in one call each. With sections, each non-empty section's content is a
 * piece (text between sections that is more than a header is one too); without, the whole text. A piece longer
 * than the limit is cut at a blank line, else a line break, else a sentence end, else a space, else hard. Every
 * chunk keeps its offsets in the document, trimmed of surrounding whitespace.
 */
final class Chunker {
    /** A piece of the document: [start, end) in its text, and the section it belongs to (or null). */
    record Chunk(int start, int end, SectionFact section) {
        int length() { return end - start; }
    }

    private Chunker() { }

    static List<Chunk> chunk(String text, List<SectionFact> sections, int maxChars) {
        List<Chunk> out = new ArrayList<>();
        if (sections == null || sections.isEmpty()) {
            split(text, 0, text.length(), null, maxChars, out);
            return out;
        }
        List<SectionFact> sorted = new ArrayList<>(sections);
        sorted.removeIf(s -> s.getStart() < 0 || s.getEnd() > text.length() || s.getEnd() < s.getStart());
        sorted.sort(Comparator.comparingInt(SectionFact::getStart).thenComparingInt(SectionFact::getEnd));
        int pos = 0;
        for (SectionFact s : sorted) {
            if (s.getStart() > pos) gap(text, pos, s.getStart(), s.getTitle(), maxChars, out);
            int from = Math.max(pos, s.getStart());
            if (s.getEnd() > from && !s.isEmpty()) split(text, from, s.getEnd(), s, maxChars, out);
            pos = Math.max(pos, s.getEnd());
        }
        if (pos < text.length()) gap(text, pos, text.length(), null, maxChars, out);
        return out;
    }

    /** Text not inside a section: drop the header of the next section; keep the rest if it has any content. */
    private static void gap(String text, int from, int to, String nextTitle, int maxChars, List<Chunk> out) {
        int end = to;
        if (nextTitle != null && !nextTitle.isBlank()) {
            int h = text.lastIndexOf(nextTitle.strip(), to - 1);
            if (h >= from) end = h;
        }
        for (int i = from; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                split(text, from, end, null, maxChars, out);
                return;
            }
        }
    }

    private static void split(String text, int from, int to, SectionFact section, int maxChars, List<Chunk> out) {
        int cur = from;
        while (cur < to) {
            while (cur < to && Character.isWhitespace(text.charAt(cur))) cur++;
            if (cur >= to) break;
            int end;
            if (to - cur <= maxChars) {
                end = to;
            } else {
                int limit = cur + maxChars;
                int floor = cur + maxChars / 3;
                end = lastCut(text, floor, limit);
                if (end <= cur) end = limit;
                if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
            }
            int e = end;
            while (e > cur && Character.isWhitespace(text.charAt(e - 1))) e--;
            if (e > cur) out.add(new Chunk(cur, e, section));
            cur = end;
        }
    }

    /** The best place to cut in (floor, limit]: after a blank line, a line break, a sentence end or a space. */
    private static int lastCut(String text, int floor, int limit) {
        int i = text.lastIndexOf("\n\n", limit - 2);
        if (i >= floor) return i + 2;
        i = text.lastIndexOf('\n', limit - 1);
        if (i >= floor) return i + 1;
        for (int j = limit - 1; j >= floor; j--) {
            char c = text.charAt(j);
            if ("。！？；!?;".indexOf(c) >= 0 || (c == '.' && j + 1 < text.length() && Character.isWhitespace(text.charAt(j + 1)))) return j + 1;
        }
        for (int j = limit - 1; j >= floor; j--) {
            if (Character.isWhitespace(text.charAt(j)) || text.charAt(j) == '，' || text.charAt(j) == ',') return j + 1;
        }
        return -1;
    }
}
