package org.emrqc.extractor.zh;

import java.util.ArrayList;
import java.util.List;

/**
 * BIOES tags over a fixed label list: tag 0 is O; label l has B = 1 + 4l, I = 2 + 4l, E = 3 + 4l, S = 4 + 4l.
 * Transitions are indexed {@code (prev + 1) * size() + cur}, prev -1 being the start of a segment.
 */
final class TagScheme {
    static final int O = 0;
    static final int START = -1;

    final List<String> labels;
    final int size;
    /** allowed[(prev + 1) * size + cur] */
    final boolean[] allowed;
    final boolean[] canEnd;
    /** preds[cur]: the tags that may precede cur (not START). */
    final int[][] preds;

    TagScheme(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.size = 1 + 4 * labels.size();
        allowed = new boolean[(size + 1) * size];
        canEnd = new boolean[size];
        for (int prev = START; prev < size; prev++) {
            for (int cur = 0; cur < size; cur++) allowed[(prev + 1) * size + cur] = isAllowed(prev, cur);
        }
        for (int t = 0; t < size; t++) canEnd[t] = t == O || kind(t) == 2 || kind(t) == 3;
        preds = new int[size][];
        for (int cur = 0; cur < size; cur++) {
            int c = cur;
            preds[cur] = java.util.stream.IntStream.range(0, size).filter(p -> allowed[(p + 1) * size + c]).toArray();
        }
    }

    /** 0 B, 1 I, 2 E, 3 S (undefined for O). */
    static int kind(int tag) { return (tag - 1) & 3; }

    static int label(int tag) { return (tag - 1) >> 2; }

    static int tag(int label, int kind) { return 1 + 4 * label + kind; }

    private static boolean isAllowed(int prev, int cur) {
        boolean open = prev != START && prev != O && (kind(prev) == 0 || kind(prev) == 1);
        if (open) return cur != O && label(cur) == label(prev) && (kind(cur) == 1 || kind(cur) == 2);
        return cur == O || kind(cur) == 0 || kind(cur) == 3;
    }

    /** Tags of the chars {@code [from, to)} given spans lying inside or outside (but not across) that range. */
    int[] encode(List<NerSpan> spans, int from, int to, java.util.Map<String, Integer> labelIndex) {
        int[] tags = new int[to - from];
        for (NerSpan s : spans) {
            if (s.end() <= from || s.start() >= to) continue;
            if (s.start() < from || s.end() > to) throw new IllegalArgumentException("span " + s + " crosses [" + from + ", " + to + ")");
            Integer l = labelIndex.get(s.label());
            if (l == null) continue;
            if (s.length() == 1) {
                tags[s.start() - from] = tag(l, 3);
            } else {
                tags[s.start() - from] = tag(l, 0);
                for (int i = s.start() + 1; i < s.end() - 1; i++) tags[i - from] = tag(l, 1);
                tags[s.end() - 1 - from] = tag(l, 2);
            }
        }
        return tags;
    }

    /** Adds the spans of a valid tag sequence for chars starting at {@code from}. */
    void decode(int[] tags, int n, int from, List<NerSpan> out) {
        int start = -1;
        for (int i = 0; i < n; i++) {
            int t = tags[i];
            if (t == O) {
                start = -1;
                continue;
            }
            switch (kind(t)) {
                case 0 -> start = i;
                case 3 -> {
                    out.add(new NerSpan(from + i, from + i + 1, labels.get(label(t))));
                    start = -1;
                }
                case 2 -> {
                    if (start >= 0) out.add(new NerSpan(from + start, from + i + 1, labels.get(label(t))));
                    start = -1;
                }
                default -> { }
            }
        }
    }

    /** Segments of a text decoded separately: split after each 。 (a text without one is one segment). */
    static List<int[]> segments(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '。') {
                out.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(new int[] {start, text.length()});
        return out;
    }

    /**
     * Viterbi over {@code n} positions. {@code emit[i * size + t]} are the emission scores; returns the best
     * valid tag sequence in {@code out}.
     */
    void viterbi(float[] emit, int n, float[] trans, float[] end, float[] delta, int[] back, int[] out) {
        final int T = size;
        final float NEG = Float.NEGATIVE_INFINITY;
        for (int t = 0; t < T; t++) delta[t] = allowed[t] ? trans[t] + emit[t] : NEG;
        for (int i = 1; i < n; i++) {
            int cur = i * T;
            int prevBase = (i - 1) * T;
            for (int t = 0; t < T; t++) {
                float best = NEG;
                int arg = 0;
                for (int p : preds[t]) {
                    float v = delta[prevBase + p] + trans[(p + 1) * T + t];
                    if (v > best) {
                        best = v;
                        arg = p;
                    }
                }
                delta[cur + t] = best + emit[cur + t];
                back[cur + t] = arg;
            }
        }
        int last = (n - 1) * T;
        float best = NEG;
        int arg = O;
        for (int t = 0; t < T; t++) {
            if (!canEnd[t]) continue;
            float v = delta[last + t] + end[t];
            if (v > best) {
                best = v;
                arg = t;
            }
        }
        out[n - 1] = arg;
        for (int i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]];
    }
}
