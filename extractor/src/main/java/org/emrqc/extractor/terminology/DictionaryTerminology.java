package org.emrqc.extractor.terminology;

import java.util.ArrayList;
import java.util.Collection;
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

    public DictionaryTerminology(Collection<Concept> concepts) {
        this.concepts = List.copyOf(concepts);
        for (Concept c : this.concepts) byTerm.computeIfAbsent(normalize(c.term()), k -> new ArrayList<>(1)).add(c);
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
        Set<String> grams = bigrams(n);
        List<Candidate> fuzzy = new ArrayList<>();
        for (Concept c : concepts) {
            if (seen.contains(c) || (kind != null && !kind.equals(c.kind()))) continue;
            double d = dice(grams, bigrams(normalize(c.term())));
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

    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int common = 0;
        for (String x : a) if (b.contains(x)) common++;
        return 2.0 * common / (a.size() + b.size());
    }

    /** Several terminologies as one: concepts of all; candidates merged by score. */
    public static Terminology combine(List<Terminology> parts) {
        return new Terminology() {
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
        };
    }
}
