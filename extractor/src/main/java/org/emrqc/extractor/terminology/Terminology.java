package org.emrqc.extractor.terminology;

import java.util.List;

/**
 * Where codes come from. Normalization picks among candidates a Terminology returns; nothing invents codes.
 * Implementations: the record's own coded resources, tables shipped with emrqc whose licence allows it, and
 * tables a user supplies from a path (ICD-10-CM, WHO ICD-10, 国家临床版 2.0, ATC ...).
 */
public interface Terminology {
    /** Every term this terminology knows, for dictionary matching (may be large; extractors index it). */
    List<Concept> concepts();

    /** Candidates for a mention text of a kind (null = any kind), best first, at most {@code limit}. */
    List<Candidate> candidates(String text, String kind, int limit);
}
