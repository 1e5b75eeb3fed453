package org.emrqc.extractor.terminology;

/** A concept proposed for a mention, with a score in 0..1 (1 = exact term match). */
public record Candidate(Concept concept, double score) {
}
