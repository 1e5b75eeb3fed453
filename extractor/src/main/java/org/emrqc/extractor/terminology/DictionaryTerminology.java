package org.emrqc.extractor.terminology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A terminology held in memory: exact (case- and space-insensitive) term matches score 1; otherwise
 * candidates are ranked by character-bigram overlap (Dice), which works for English words and Chinese
 * characters alike.
 */
public final class DictionaryTerminology implements Terminology {
    private final List<Concept> concepts;
    private final Map<String, List<Concept>> byTerm = new HashMap<>();
    /** Character bigrams of each concept's normalized term (by concept index), and the concepts holding each bigram. */
    private final int[] gramCount;
    private final Map<String, int[]> postings = new HashMap<>();

    public DictionaryTerminology(Collection<Concept> concepts) {
        this.concepts = List.copyOf(concepts);
        gramCount = new int[this.concepts.size()];
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < this.concepts.size(); i++) {
            Concept c = this.concepts.get(i);
            String n = normalize(c.term());
            byTerm.computeIfAbsent(n, k -> new ArrayList<>(1)).add(c);
            Set<String> grams = bigrams(n);
            gramCount[i] = grams.size();
            for (String g : grams) index.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
        }
        index.forEach((g, list) -> postings.put(g, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static final Map<String, String> NORMALIZED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Lower case, whitespace collapsed, trailing "(disorder)"-style semantic tags removed. */
    public static String normalize(String term) {
        if (NORMALIZED.size() > 200_000) NORMALIZED.clear();
        return NORMALIZED.computeIfAbsent(term, DictionaryTerminology::normalizeNow);
    }

    private static String normalizeNow(String term) {
        String t = term.toLowerCase(Locale.ROOT).replaceAll("\\s*\\((disorder|finding|procedure|situation|substance|organism|product|qualifier value|morphologic abnormality|observable entity|regime/therapy|body structure)\\)\\s*$", "");
        return t.replaceAll("\\s+", " ").strip();
    }

    @Override public List<Concept> concepts() { return concepts; }

    @Override
    public List<Candidate> candidates(String text, String kind, int limit) {
        String n = normalize(text);
        List<Candidate> out = new ArrayList<>();
        Set<Concept> seen = new HashSet<>();
        for (Concept c : byTerm.getOrDefault(n, List.of())) {
            if ((kind == null || kind.equals(c.kind())) && seen.add(c)) out.add(new Candidate(c, 1.0));
        }
        if (out.size() >= limit) return out.subList(0, limit);
        // Dice over character bigrams; only concepts sharing a bigram can reach 0.5, so the postings find them all
        Set<String> grams = bigrams(n);
        Map<Integer, Integer> common = new HashMap<>();
        for (String g : grams) {
            int[] holders = postings.get(g);
            if (holders != null) for (int i : holders) common.merge(i, 1, Integer::sum);
        }
        List<Integer> order = new ArrayList<>(common.keySet());
        Collections.sort(order);
        List<Candidate> fuzzy = new ArrayList<>();
        for (int i : order) {
            Concept c = concepts.get(i);
            if (seen.contains(c) || (kind != null && !kind.equals(c.kind()))) continue;
            double d = 2.0 * common.get(i) / (grams.size() + gramCount[i]);
            if (d >= 0.5) fuzzy.add(new Candidate(c, d * 0.9));
        }
        fuzzy.sort(Comparator.comparingDouble(Candidate::score).reversed());
        for (Candidate c : fuzzy) {
            if (out.size() >= limit) break;
            out.add(c);
        }
        return out;
    }

    static Set<String> bigrams(String s) {
        Set<String> g = new HashSet<>();
        for (int i = 0; i + 2 <= s.length(); i++) g.add(s.substring(i, i + 2));
        if (s.length() == 1) g.add(s);
        return g;
    }

    /** Several terminologies as one: concepts of all; candidates merged by score. */
    public static Terminology combine(List<Terminology> parts) {
        return new Combined(parts);
    }

    /**
     * Several terminologies as one, keeping its parts visible so that extractors can index each part once (the
     * shipped lexicon) and only the small per-record part anew.
     */
    public static final class Combined implements Terminology {
        private final List<Terminology> parts;

        Combined(List<Terminology> parts) {
            this.parts = List.copyOf(parts);
        }

        /** The terminologies combined, in order. */
        public List<Terminology> parts() { return parts; }

        @Override public List<Concept> concepts() {
            List<Concept> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.concepts()));
            return all;
        }

        @Override public List<Candidate> candidates(String text, String kind, int limit) {
            List<Candidate> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.candidates(text, kind, limit)));
            all.sort(Comparator.comparingDouble(Candidate::score).reversed());
            return all.size() > limit ? all.subList(0, limit) : all;
        }
    }
}
