package org.emrqc.extractor;

import org.emrqc.extractor.terminology.Terminology;

/** Turns one narrative into sections and mentions with evidence spans. Implementations are thread-safe. */
public interface NarrativeExtractor {
    /** offline, llm, ... (goes into MentionFact.backend). */
    String name();

    /**
     * @param terminology where codes come from: candidates from the record's own coded resources and from the
     *                    tables configured; an extractor never invents a code
     */
    Extraction extract(NarrativeDocument document, Terminology terminology);
}
