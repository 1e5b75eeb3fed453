package org.emrqc.extractor.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.emrqc.extractor.offline.TermMatcher;
import org.emrqc.extractor.terminology.Candidate;
import org.emrqc.extractor.terminology.Concept;
import org.emrqc.extractor.terminology.Terminology;

/**
 * The code candidates offered to the model for one chunk: the terminology's terms found in the chunk (the
 * offline extractor's {@link TermMatcher}: case-insensitive, leftmost-longest, Latin terms on word boundaries)
 * are each looked up with {@link Terminology#candidates(String, String, int)} for their kinds; the results that
 * carry codes, without duplicates and in order of first occurrence, are numbered from 0. The model may only
 * pick among these by number.
 */
final class CandidateFinder {
    private CandidateFinder() { }

    static List<Candidate> find(Terminology terminology, String chunk, int perTerm, int max) {
        if (terminology == null || perTerm <= 0 || max <= 0 || chunk.isEmpty()) return List.of();
        TermMatcher matcher = TermMatcher.of(terminology);
        List<Candidate> out = new ArrayList<>();
        Set<Concept> seen = new HashSet<>();
        Set<String> asked = new HashSet<>();
        for (TermMatcher.Match m : matcher.find(chunk)) {
            String term = chunk.substring(m.start(), m.end());
            Set<String> kinds = new LinkedHashSet<>();
            for (Concept c : m.concepts()) kinds.add(c.kind());
            for (String kind : kinds) {
                if (!asked.add(term.toLowerCase(Locale.ROOT) + "\u0000" + kind)) continue;
                for (Candidate c : terminology.candidates(term, kind, perTerm)) {
                    if (out.size() >= max) return out;
                    Concept k = c.concept();
                    if (k != null && k.codes() != null && !k.codes().isEmpty() && seen.add(k)) out.add(c);
                }
            }
        }
        return out;
    }

    /** The candidates as the prompt lists them: "0. 高血压 [diagnosis]", one a line; {@code none} when empty. */
    static String render(List<Candidate> candidates, String none) {
        if (candidates.isEmpty()) return none;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < candidates.size(); i++) {
            Concept c = candidates.get(i).concept();
            if (i > 0) b.append('\n');
            b.append(i).append(". ").append(c.term().replace('\n', ' ').strip());
            if (c.kind() != null) b.append(" [").append(c.kind()).append(']');
        }
        return b.toString();
    }
}
