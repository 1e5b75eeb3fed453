package org.emrqc.model;

/** A code proposed for a narrative mention, with how well its term matched (1 = exact). */
public record CodeCandidate(Coding coding, double score) {
}
