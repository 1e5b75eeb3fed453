package org.emrqc.extractor;

import java.util.List;
import org.emrqc.model.MentionFact;
import org.emrqc.model.SectionFact;

/**
 * What an extractor found in one document: sections and mentions (each with offsets into the document's
 * text), how many model mentions were dropped because their quote was not found in the text (ungrounded),
 * which backend produced it, and whether it is a degraded (fallback) result.
 */
public record Extraction(List<SectionFact> sections, List<MentionFact> mentions, int ungrounded, String backend, boolean degraded) {
}
