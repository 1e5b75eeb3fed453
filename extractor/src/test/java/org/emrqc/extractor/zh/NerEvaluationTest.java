package org.emrqc.extractor.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emrqc.extractor.zh.NerEvaluation.Report;
import org.emrqc.extractor.zh.NerEvaluation.Row;
import org.junit.jupiter.api.Test;

class NerEvaluationTest {
    static final double EPS = 1e-12;

    static NerSpan s(int start, int end, String label) { return new NerSpan(start, end, label); }

    // doc 1: gold A[0,2) A[3,5) B[6,8); pred A[0,2) (exact), A[3,6) (overlap only), B[6,8) as A (wrong label), B[9,10) (spurious)
    // doc 2: gold B[0,4); pred B[1,2) (overlap only)
    static final List<List<NerSpan>> GOLD = List.of(
            List.of(s(0, 2, "A"), s(3, 5, "A"), s(6, 8, "B")),
            List.of(s(0, 4, "B")));
    static final List<List<NerSpan>> PRED = List.of(
            List.of(s(0, 2, "A"), s(3, 6, "A"), s(6, 8, "A"), s(9, 10, "B")),
            List.of(s(1, 2, "B")));

    @Test
    void strictAndOverlapMicroScores() {
        Report r = new NerEvaluation(0, 1, 0.95).evaluate(GOLD, PRED, null);
        Row all = r.micro();
        // strict: 1 of 5 predictions right, 1 of 4 gold found
        assertEquals(4, all.strict().counts().gold());
        assertEquals(5, all.strict().counts().predicted());
        assertEquals(0.2, all.strict().precision(), EPS);
        assertEquals(0.25, all.strict().recall(), EPS);
        assertEquals(2 * 0.2 * 0.25 / 0.45, all.strict().f1(), EPS);
        // overlap: predictions A[0,2), A[3,6), B[1,2) overlap a gold of their label (A[6,8) touches only gold B;
        // B[9,10) nothing) -> 3/5; gold A[0,2), A[3,5), B[0,4) found -> 3/4
        assertEquals(0.6, all.overlap().precision(), EPS);
        assertEquals(0.75, all.overlap().recall(), EPS);
        assertEquals(2 * 0.6 * 0.75 / 1.35, all.overlap().f1(), EPS);
        // resamples 0: intervals collapse to the point
        assertEquals(all.strict().f1(), all.strict().f1Ci().low(), EPS);
    }

    @Test
    void perLabelScores() {
        Report r = new NerEvaluation(0, 1, 0.95).evaluate(GOLD, PRED, List.of("A", "B"));
        Row a = r.row("A");
        assertEquals(1.0 / 3, a.strict().precision(), EPS);
        assertEquals(0.5, a.strict().recall(), EPS);
        assertEquals(0.4, a.strict().f1(), EPS);
        assertEquals(2.0 / 3, a.overlap().precision(), EPS);
        assertEquals(1.0, a.overlap().recall(), EPS);
        Row b = r.row("B");
        assertEquals(0, b.strict().precision(), EPS);
        assertEquals(0, b.strict().recall(), EPS);
        assertEquals(0, b.strict().f1(), EPS);
        assertEquals(0.5, b.overlap().precision(), EPS);
        assertEquals(0.5, b.overlap().recall(), EPS);
        assertEquals(List.of("A", "B"), r.perLabel().stream().map(Row::label).toList());
    }

    @Test
    void zeroDenominatorsGiveZero() {
        Report r = new NerEvaluation(10, 1, 0.95).evaluate(List.of(List.of(s(0, 1, "A"))), List.of(List.of()), null);
        assertEquals(0, r.micro().strict().precision(), EPS);
        assertEquals(0, r.micro().strict().f1(), EPS);
        assertEquals(0, r.micro().strict().f1Ci().high(), EPS);
    }

    @Test
    void bootstrapIntervalsAreDeterministicAndContainThePoint() {
        NerEvaluation e = new NerEvaluation(500, 7, 0.95);
        Report r1 = e.evaluate(GOLD, PRED, null);
        Report r2 = e.evaluate(GOLD, PRED, null);
        assertEquals(r1, r2);
        Row all = r1.micro();
        assertTrue(all.overlap().f1Ci().low() <= all.overlap().f1() && all.overlap().f1() <= all.overlap().f1Ci().high(), all.toString());
        assertTrue(all.strict().f1Ci().low() < all.strict().f1Ci().high());
        // perfect predictions: every resample is perfect
        Report perfect = e.evaluate(GOLD, GOLD, null);
        assertEquals(new NerEvaluation.Interval(1, 1), perfect.micro().strict().f1Ci());
    }

    @Test
    void quantileInterpolates() {
        double[] v = {0, 1, 2, 3, 4};
        assertEquals(1.0, NerEvaluation.quantile(v, 0.25), EPS);
        assertEquals(0.1, NerEvaluation.quantile(v, 0.025), EPS);
        assertEquals(3.9, NerEvaluation.quantile(v, 0.975), EPS);
    }

    @Test
    void tableAndJson() {
        Report r = new NerEvaluation(0, 1, 0.95).evaluate(GOLD, PRED, null);
        String table = r.table();
        assertTrue(table.contains("ALL"), table);
        assertEquals(4, table.lines().count(), table);
        String json = r.json();
        assertTrue(json.startsWith("{\"documents\":2,"), json);
        assertTrue(json.contains("\"micro\":{\"strict\":{\"gold\":4,\"predicted\":5,\"matched_gold\":1,\"matched_predicted\":1,\"precision\":0.2000"), json);
        assertTrue(json.contains("\"labels\":{\"A\":"), json);
    }
}
