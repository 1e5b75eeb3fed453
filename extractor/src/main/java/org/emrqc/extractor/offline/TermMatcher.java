package org.emrqc.extractor.offline;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import org.emrqc.extractor.terminology.Concept;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.model.Coding;

/**
 * Dictionary matching of terminology terms in text with an Aho-Corasick automaton (HanLP's double-array trie):
 * case-insensitive, leftmost-longest, non-overlapping; Latin matches must sit on word boundaries.
 *
 * <p>{@link #of(Terminology)} indexes each part of a combined terminology once and keeps the automaton while the
 * part is in use: a record's own small terminology combined with the shipped lexicon (thousands of terms) costs
 * one small build per record, not a rebuild of the lexicon. Matching a combined terminology gives the same
 * result as one automaton over all its terms (a span named by several parts carries the concepts of each, in
 * part order).
 *
 * <p>Synonyms: concepts that share a code are written forms of one concept (the rows of a lexicon concept, the
 * names of an ingredient). A match carries, besides the concepts of its own term, the concepts of the same kind
 * that any table gives to another written form of it: the note's 原发性高血压 (a lexicon synonym of 高血压)
 * also carries the codes of the record's own 高血压 diagnosis.
 */
public final class TermMatcher {
    /** A term found in the text, with the concepts it names. */
    public record Match(int start, int end, List<Concept> concepts) { }

    private static final Map<Terminology, TermMatcher> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final AhoCorasickDoubleArrayTrie<List<Concept>> trie;
    /** The concepts of each term (lower-cased, normalized). */
    private final Map<String, List<Concept>> byTerm;
    /** The terms of each coded concept (kind + code), for synonym look-ups. */
    private final Map<String, List<String>> termsOfCode;
    /** The matchers of a combined terminology's parts (leaves only); empty for a plain matcher. */
    private final List<TermMatcher> parts;

    public TermMatcher(List<Concept> concepts) {
        TreeMap<String, List<Concept>> map = new TreeMap<>();
        Map<String, List<String>> codes = new HashMap<>();
        for (Concept c : concepts) {
            String key = lower(DictionaryTerminology.normalize(c.term()));
            if (key.length() < 2) continue;
            map.computeIfAbsent(key, k -> new ArrayList<>(1)).add(c);
            for (String code : codeKeys(c)) {
                List<String> terms = codes.computeIfAbsent(code, k -> new ArrayList<>(2));
                if (!terms.contains(key)) terms.add(key);
            }
        }
        if (map.isEmpty()) {
            trie = null;
        } else {
            trie = new AhoCorasickDoubleArrayTrie<>();
            trie.build(map);
        }
        byTerm = new HashMap<>(map);
        termsOfCode = codes;
        parts = List.of();
    }

    private TermMatcher(List<TermMatcher> parts, boolean composite) {
        this.trie = null;
        this.byTerm = Map.of();
        this.termsOfCode = Map.of();
        this.parts = parts;
    }

    /**
     * The matcher of a terminology. The parts of a {@link DictionaryTerminology#combine combined} terminology
     * are matched with their own (cached) automata; any other terminology gets one automaton, cached while the
     * terminology is reachable.
     */
    public static TermMatcher of(Terminology terminology) {
        if (terminology instanceof DictionaryTerminology.Combined combined) {
            List<TermMatcher> ms = new ArrayList<>();
            for (Terminology p : combined.parts()) {
                TermMatcher m = of(p);
                if (m.parts.isEmpty()) ms.add(m);
                else ms.addAll(m.parts);
            }
            return new TermMatcher(List.copyOf(ms), true);
        }
        return CACHE.computeIfAbsent(terminology, t -> new TermMatcher(t.concepts()));
    }

    /** Lower case that keeps every character's position (one char in, one char out). */
    static String lower(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) c[i] = Character.toLowerCase(c[i]);
        return new String(c);
    }

    public List<Match> find(String text) {
        String lower = lower(text);
        List<Match> hits = new ArrayList<>();
        collect(lower, hits);
        if (hits.isEmpty()) return List.of();
        if (!parts.isEmpty()) hits = mergeSameSpans(hits);
        hits.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt((Match m) -> m.end() - m.start()).reversed()));
        List<Match> out = new ArrayList<>();
        int covered = -1;
        for (Match m : hits) {
            if (m.start() < covered) continue;
            out.add(withSynonyms(m));
            covered = m.end();
        }
        return out;
    }

    /**
     * The match with the concepts of the same kind that the tables give to other written forms of its concepts,
     * each added only when it brings a code the match does not have yet.
     */
    private Match withSynonyms(Match m) {
        List<TermMatcher> leaves = parts.isEmpty() ? List.of(this) : parts;
        Set<String> have = new HashSet<>();
        for (Concept c : m.concepts()) have.addAll(codeKeys(c));
        if (have.isEmpty()) return m;
        List<Concept> added = null;
        for (Concept c : m.concepts()) {
            for (String code : codeKeys(c)) {
                for (TermMatcher leaf : leaves) {
                    for (String term : leaf.termsOfCode.getOrDefault(code, List.of())) {
                        for (TermMatcher other : leaves) {
                            for (Concept d : other.byTerm.getOrDefault(term, List.of())) {
                                if (!d.kind().equals(c.kind())) continue;
                                boolean bringsACode = false;
                                for (String k : codeKeys(d)) bringsACode |= have.add(k);
                                if (!bringsACode) continue;
                                if (added == null) added = new ArrayList<>(m.concepts());
                                added.add(d);
                            }
                        }
                    }
                }
            }
        }
        return added == null ? m : new Match(m.start(), m.end(), List.copyOf(added));
    }

    /** kind + system + code of each coding of a concept: concepts with one of these in common are synonyms. */
    private static List<String> codeKeys(Concept c) {
        if (c.codes() == null || c.codes().isEmpty()) return List.of();
        List<String> out = new ArrayList<>(c.codes().size());
        for (Coding k : c.codes()) {
            if (k.getCode() != null) out.add(c.kind() + "\u0000" + k.getSystem() + "|" + k.getCode());
        }
        return out;
    }

    /** Every match of every term (overlapping), in part order for a composite matcher. */
    private void collect(String lower, List<Match> hits) {
        if (trie != null) {
            trie.parseText(lower, (begin, end, value) -> {
                if (boundary(lower, begin, end)) hits.add(new Match(begin, end, value));
            });
        }
        for (TermMatcher p : parts) p.collect(lower, hits);
    }

    /** One match per span: the concepts of the parts that found the same span, in part order. */
    private static List<Match> mergeSameSpans(List<Match> hits) {
        Map<Long, Integer> at = new HashMap<>();
        List<Match> out = new ArrayList<>(hits.size());
        for (Match m : hits) {
            long key = ((long) m.start() << 32) | m.end();
            Integer i = at.get(key);
            if (i == null) {
                at.put(key, out.size());
                out.add(m);
            } else {
                List<Concept> both = new ArrayList<>(out.get(i).concepts());
                both.addAll(m.concepts());
                out.set(i, new Match(m.start(), m.end(), both));
            }
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
