package org.emrqc.extractor.zh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TagSchemeTest {
    final TagScheme scheme = new TagScheme(List.of("A", "B"));
    final Map<String, Integer> index = Map.of("A", 0, "B", 1);

    @Test
    void encodesAndDecodesBioes() {
        List<NerSpan> spans = List.of(new NerSpan(1, 4, "A"), new NerSpan(4, 5, "B"), new NerSpan(6, 8, "B"));
        int[] tags = scheme.encode(spans, 0, 9, index);
        int bA = TagScheme.tag(0, 0), iA = TagScheme.tag(0, 1), eA = TagScheme.tag(0, 2), sB = TagScheme.tag(1, 3);
        int bB = TagScheme.tag(1, 0), eB = TagScheme.tag(1, 2);
        assertArrayEquals(new int[] {0, bA, iA, eA, sB, 0, bB, eB, 0}, tags);
        List<NerSpan> out = new ArrayList<>();
        scheme.decode(tags, tags.length, 0, out);
        assertEquals(spans, out);
        List<NerSpan> shifted = new ArrayList<>();
        scheme.decode(scheme.encode(spans, 4, 9, index), 5, 4, shifted);
        assertEquals(spans.subList(1, 3), shifted);
    }

    @Test
    void transitionsFollowBioes() {
        int size = scheme.size;
        int bA = TagScheme.tag(0, 0), iA = TagScheme.tag(0, 1), eA = TagScheme.tag(0, 2), bB = TagScheme.tag(1, 0);
        assertTrue(scheme.allowed[(bA + 1) * size + iA]);
        assertTrue(scheme.allowed[(iA + 1) * size + eA]);
        assertFalse(scheme.allowed[(bA + 1) * size + TagScheme.O]);
        assertFalse(scheme.allowed[(bA + 1) * size + TagScheme.tag(1, 2)]);
        assertFalse(scheme.allowed[iA]); // start -> I
        assertTrue(scheme.allowed[(eA + 1) * size + bB]);
        assertFalse(scheme.canEnd[bA]);
    }

    @Test
    void viterbiAlwaysGivesAValidSequence() {
        Random rnd = new Random(5);
        int T = scheme.size;
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(12);
            float[] emit = new float[n * T];
            for (int i = 0; i < emit.length; i++) emit[i] = (float) rnd.nextGaussian();
            float[] trans = new float[(T + 1) * T];
            for (int i = 0; i < trans.length; i++) trans[i] = (float) rnd.nextGaussian();
            int[] tags = new int[n];
            scheme.viterbi(emit, n, trans, new float[T], new float[n * T], new int[n * T], tags);
            int prev = TagScheme.START;
            for (int t : tags) {
                assertTrue(scheme.allowed[(prev + 1) * T + t]);
                prev = t;
            }
            assertTrue(scheme.canEnd[prev]);
        }
    }

    @Test
    void viterbiFindsTheBestSequence() {
        // two tags' worth of scheme (O, A-B, A-I, A-E, A-S, ...): brute force over every sequence of length 3
        Random rnd = new Random(11);
        int T = scheme.size;
        int n = 3;
        float[] emit = new float[n * T];
        for (int i = 0; i < emit.length; i++) emit[i] = (float) rnd.nextGaussian();
        float[] trans = new float[(T + 1) * T];
        for (int i = 0; i < trans.length; i++) trans[i] = (float) rnd.nextGaussian();
        float[] end = new float[T];
        for (int i = 0; i < T; i++) end[i] = (float) rnd.nextGaussian();
        int[] tags = new int[n];
        scheme.viterbi(emit, n, trans, end, new float[n * T], new int[n * T], tags);
        double best = Double.NEGATIVE_INFINITY;
        int[] arg = null;
        for (int a = 0; a < T; a++) for (int b = 0; b < T; b++) for (int c = 0; c < T; c++) {
            int[] s = {a, b, c};
            int prev = TagScheme.START;
            double score = 0;
            boolean ok = true;
            for (int i = 0; i < n; i++) {
                ok &= scheme.allowed[(prev + 1) * T + s[i]];
                score += trans[(prev + 1) * T + s[i]] + emit[i * T + s[i]];
                prev = s[i];
            }
            ok &= scheme.canEnd[prev];
            score += end[prev];
            if (ok && score > best) {
                best = score;
                arg = s;
            }
        }
        assertArrayEquals(arg, tags);
    }

    @Test
    void segmentsSplitAfterFullStops() {
        assertEquals(List.of(), TagScheme.segments(""));
        List<int[]> s = TagScheme.segments("ab。cd。e");
        assertEquals(3, s.size());
        assertArrayEquals(new int[] {0, 3}, s.get(0));
        assertArrayEquals(new int[] {6, 7}, s.get(2));
        AnnotatedText crossing = new AnnotatedText("ab。cd。e", List.of(new NerSpan(1, 4, "A")));
        List<int[]> t = ChineseNerTrainer.trainingSegments(crossing);
        assertEquals(2, t.size());
        assertArrayEquals(new int[] {0, 6}, t.get(0));
    }
}
