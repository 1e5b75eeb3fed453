package org.emrqc.extractor.zh;

import java.util.Comparator;
import java.util.Objects;

/**
 * One entity mention: the characters {@code [start, end)} of a text (Java {@code char} offsets, as in
 * {@link String#substring(int, int)}) and its label, e.g. 疾病和诊断.
 */
public record NerSpan(int start, int end, String label) {
    /** Orders spans by start, then end, then label. */
    public static final Comparator<NerSpan> ORDER =
            Comparator.comparingInt(NerSpan::start).thenComparingInt(NerSpan::end).thenComparing(NerSpan::label);

    public NerSpan {
        Objects.requireNonNull(label, "label");
        if (start < 0 || end <= start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }

    public int length() { return end - start; }

    /** True when the two spans share at least one character (labels are not compared). */
    public boolean overlaps(NerSpan other) { return start < other.end && other.start < end; }

    /** The mention's characters in {@code text}. */
    public String mention(String text) { return text.substring(start, end); }
}
