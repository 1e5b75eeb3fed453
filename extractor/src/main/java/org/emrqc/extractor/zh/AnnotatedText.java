package org.emrqc.extractor.zh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A text and its entity mentions (sorted by {@link NerSpan#ORDER}; every span lies inside the text). */
public record AnnotatedText(String text, List<NerSpan> spans) {
    public AnnotatedText {
        Objects.requireNonNull(text, "text");
        List<NerSpan> sorted = new ArrayList<>(spans);
        sorted.sort(NerSpan.ORDER);
        for (NerSpan s : sorted) {
            if (s.end() > text.length()) {
                throw new IllegalArgumentException("span [" + s.start() + ", " + s.end() + ") is past the end of a text of " + text.length() + " chars");
            }
        }
        spans = List.copyOf(sorted);
    }

    /** The same text with other spans. */
    public AnnotatedText withSpans(List<NerSpan> other) { return new AnnotatedText(text, other); }
}
