package org.emrqc.extractor.zh;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mention strings with their most frequent label, matched with an Aho-Corasick automaton. {@link #marks} gives the
 * tagger one bit set per position: for every dictionary match covering the position, (label, B/I/E/S) of the
 * position in that match; and for the greedy longest-match segmentation, (label, B/I/E/S) again in a second block.
 */
final class Gazetteer {
    /** Bits per label in a mark: 4 for all matches, 4 for the longest-match cover. */
    static final int KINDS = 8;
    static final int MAX_LABELS = 64 / KINDS;

    private final Map<String, Integer> entries;
    private final AhoCorasickDoubleArrayTrie<Integer> trie;

    /** @param entries mention string to label index (0..7) */
    Gazetteer(Map<String, Integer> entries) {
        this.entries = new LinkedHashMap<>(entries);
        TreeMap<String, Integer> sorted = new TreeMap<>(entries);
        if (sorted.isEmpty()) {
            trie = null;
        } else {
            trie = new AhoCorasickDoubleArrayTrie<>();
            trie.build(sorted);
        }
    }

    /** A gazetteer of the mentions of {@code docs}, each string with its most frequent label (ties: lowest index). */
    static Gazetteer of(List<AnnotatedText> docs, Map<String, Integer> labelIndex) {
        Map<String, int[]> counts = new TreeMap<>();
        for (AnnotatedText d : docs) {
            for (NerSpan s : d.spans()) {
                Integer l = labelIndex.get(s.label());
                if (l == null) continue;
                counts.computeIfAbsent(s.mention(d.text()), k -> new int[labelIndex.size()])[l]++;
            }
        }
        Map<String, Integer> entries = new LinkedHashMap<>();
        counts.forEach((k, c) -> {
            int best = 0;
            for (int i = 1; i < c.length; i++) if (c[i] > c[best]) best = i;
            entries.put(k, best);
        });
        return new Gazetteer(entries);
    }

    Map<String, Integer> entries() { return entries; }

    /** One bit set per char of {@code text}; bit (label * KINDS + kind). */
    long[] marks(String text) {
        int n = text.length();
        long[] marks = new long[n];
        if (trie == null || n == 0) return marks;
        int[] bestEnd = new int[n];
        int[] bestLabel = new int[n];
        trie.parseText(text, (begin, end, label) -> {
            int base = label * KINDS;
            if (end - begin == 1) {
                marks[begin] |= 1L << (base + 3);
            } else {
                marks[begin] |= 1L << base;
                for (int i = begin + 1; i < end - 1; i++) marks[i] |= 1L << (base + 1);
                marks[end - 1] |= 1L << (base + 2);
            }
            if (end > bestEnd[begin]) {
                bestEnd[begin] = end;
                bestLabel[begin] = label;
            }
        });
        // Greedy left-to-right longest match, as a plain dictionary tagger would do.
        int i = 0;
        while (i < n) {
            int end = bestEnd[i];
            if (end <= i) {
                i++;
                continue;
            }
            int base = bestLabel[i] * KINDS + 4;
            if (end - i == 1) {
                marks[i] |= 1L << (base + 3);
            } else {
                marks[i] |= 1L << base;
                for (int k = i + 1; k < end - 1; k++) marks[k] |= 1L << (base + 1);
                marks[end - 1] |= 1L << (base + 2);
            }
            i = end;
        }
        return marks;
    }
}
