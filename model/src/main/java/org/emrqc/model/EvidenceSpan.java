package org.emrqc.model;

/**
 * Where in a document's text a finding's evidence is: the document ("Type/id"), the character offsets into its
 * source text, the quoted text (exactly text.substring(start, end)), its section, and how it was extracted.
 */
public record EvidenceSpan(String documentRef, int start, int end, String quote, String section, double confidence,
                           String backend, boolean degraded) {

    public static EvidenceSpan of(MentionFact m) {
        return new EvidenceSpan(m.getRef(), m.getStart(), m.getEnd(), m.getText(), m.getSection(), m.getConfidence(), m.getBackend(), m.isDegraded());
    }

    public static EvidenceSpan of(SectionFact s) {
        return new EvidenceSpan(s.getRef(), s.getStart(), s.getEnd(), s.getContent(), s.getCode(), 1.0, "offline", false);
    }
}
