package org.emrqc.extractor.offline;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.emrqc.extractor.terminology.Concept;
import org.emrqc.extractor.terminology.DictionaryTerminology;

/**
 * Dictionary matching of terminology terms in text with an Aho-Corasick automaton (HanLP's double-array trie):
 * case-insensitive, leftmost-longest, non-overlapping; Latin matches must sit on word boundaries.
 */
public final class TermMatcher {
    /** A term found in the text, with the concepts it names. */
    public record Match(int start, int end, List<Concept> concepts) { }

    private final AhoCorasickDoubleArrayTrie<List<Concept>> trie = new AhoCorasickDoubleArrayTrie<>();
    private final boolean empty;

    public TermMatcher(List<Concept> concepts) {
        TreeMap<String, List<Concept>> map = new TreeMap<>();
        for (Concept c : concepts) {
            String key = lower(DictionaryTerminology.normalize(c.term()));
            if (key.length() < 2) continue;
            map.computeIfAbsent(key, k -> new ArrayList<>(1)).add(c);
        }
        empty = map.isEmpty();
        if (!empty) trie.build(map);
    }

    /** Lower case that keeps every character's position (one char in, one char out). */
    static String lower(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) c[i] = Character.toLowerCase(c[i]);
        return new String(c);
    }

    public List<Match> find(String text) {
        if (empty) return List.of();
        String lower = lower(text);
        List<Match> hits = new ArrayList<>();
        trie.parseText(lower, (begin, end, value) -> {
            if (boundary(lower, begin, end)) hits.add(new Match(begin, end, value));
        });
        hits.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt((Match m) -> m.end() - m.start()).reversed()));
        List<Match> out = new ArrayList<>();
        int covered = -1;
        for (Match m : hits) {
            if (m.start() < covered) continue;
            out.add(m);
            covered = m.end();
        }
        return out;
    }

    private static boolean boundary(String s, int begin, int end) {
        boolean latinStart = isWordChar(s.charAt(begin));
        boolean latinEnd = isWordChar(s.charAt(end - 1));
        if (latinStart && begin > 0 && isWordChar(s.charAt(begin - 1))) return false;
        return !(latinEnd && end < s.length() && isWordChar(s.charAt(end)));
    }

    private static boolean isWordChar(char c) {
        return (c < 0x2E80) && Character.isLetterOrDigit(c);
    }
}
