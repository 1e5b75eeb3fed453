package org.emrqc.extractor.zh;

import java.util.List;

/** Finds clinical entity mentions in Chinese text. Implementations are thread-safe. */
public interface ChineseTagger {
    /** The mentions found in {@code text}, sorted by {@link NerSpan#ORDER}, non-overlapping. */
    List<NerSpan> tag(String text);

    /** The labels this tagger can emit, in a fixed order. */
    List<String> labels();
}
