package org.emrqc.extractor.zh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Micro-averaged precision, recall and F1 of predicted mentions against gold mentions, overall and per label.
 *
 * <ul>
 *   <li>Strict: a prediction is right when a gold mention has the same start, end and label.</li>
 *   <li>Overlap: a prediction is right when it shares a char with a gold mention of the same label; a gold mention is
 *       found when it shares a char with a prediction of the same label. Precision counts right predictions,
 *       recall found gold mentions.</li>
 * </ul>
 * A ratio with a zero denominator is 0 (so is F1 when P + R = 0). Confidence intervals: percentile bootstrap over
 * documents (resampled with replacement, with a fixed seed).
 */
public final class NerEvaluation {
    public static final String ALL = "ALL";

    /** Counts for one label (or all): gold and predicted mentions, and how many of each matched. */
    public record Counts(long gold, long predicted, long matchedGold, long matchedPredicted) {
        public double precision() { return ratio(matchedPredicted, predicted); }

        public double recall() { return ratio(matchedGold, gold); }

        public double f1() { return NerEvaluation.f1(precision(), recall()); }

        Counts plus(Counts o) {
            return new Counts(gold + o.gold, predicted + o.predicted, matchedGold + o.matchedGold, matchedPredicted + o.matchedPredicted);
        }
    }

    /** A 95% (or other) interval. */
    public record Interval(double low, double high) {
        public boolean contains(double v) { return v >= low && v <= high; }
    }

    /** Precision, recall and F1 with their intervals. */
    public record Score(Counts counts, double precision, double recall, double f1, Interval precisionCi, Interval recallCi, Interval f1Ci) { }

    /** One row of the report: a label (or {@link #ALL}) with its strict and overlap scores. */
    public record Row(String label, Score strict, Score overlap) { }

    /** Rows per label in label order, then the micro-average over all labels. */
    public record Report(List<Row> perLabel, Row micro, int documents, int resamples, double confidence) {
        public Row row(String label) {
            if (ALL.equals(label)) return micro;
            for (Row r : perLabel) if (r.label().equals(label)) return r;
            return null;
        }

        /** A plain-text table: label, gold, predicted, strict P/R/F1 with CIs, overlap P/R/F1 with CIs. */
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%s %6s %6s | %-44s | %-44s%n", pad("label"), "gold", "pred",
                    "strict P / R / F1 [" + pct(confidence) + " CI of F1]", "overlap P / R / F1 [" + pct(confidence) + " CI of F1]"));
            List<Row> rows = new ArrayList<>(perLabel);
            rows.add(micro);
            for (Row r : rows) {
                sb.append(String.format(Locale.ROOT, "%s %6d %6d | %-44s | %-44s%n", pad(r.label()), r.strict().counts().gold(),
                        r.strict().counts().predicted(), cell(r.strict()), cell(r.overlap())));
            }
            return sb.toString();
        }

        /** One line of JSON with every number of the report. */
        public String json() {
            StringBuilder sb = new StringBuilder();
            sb.append("{\"documents\":").append(documents).append(",\"resamples\":").append(resamples)
                    .append(",\"confidence\":").append(num(confidence)).append(",\"micro\":");
            rowJson(sb, micro);
            sb.append(",\"labels\":{");
            for (int i = 0; i < perLabel.size(); i++) {
                if (i > 0) sb.append(',');
                sb.append('"').append(escape(perLabel.get(i).label())).append("\":");
                rowJson(sb, perLabel.get(i));
            }
            return sb.append("}}").toString();
        }

        private static void rowJson(StringBuilder sb, Row r) {
            sb.append("{\"strict\":");
            scoreJson(sb, r.strict());
            sb.append(",\"overlap\":");
            scoreJson(sb, r.overlap());
            sb.append('}');
        }

        private static void scoreJson(StringBuilder sb, Score s) {
            Counts c = s.counts();
            sb.append("{\"gold\":").append(c.gold()).append(",\"predicted\":").append(c.predicted())
                    .append(",\"matched_gold\":").append(c.matchedGold()).append(",\"matched_predicted\":").append(c.matchedPredicted())
                    .append(",\"precision\":").append(num(s.precision())).append(",\"recall\":").append(num(s.recall()))
                    .append(",\"f1\":").append(num(s.f1()))
                    .append(",\"precision_ci\":[").append(num(s.precisionCi().low())).append(',').append(num(s.precisionCi().high())).append(']')
                    .append(",\"recall_ci\":[").append(num(s.recallCi().low())).append(',').append(num(s.recallCi().high())).append(']')
                    .append(",\"f1_ci\":[").append(num(s.f1Ci().low())).append(',').append(num(s.f1Ci().high())).append("]}");
        }

        private static String cell(Score s) {
            return String.format(Locale.ROOT, "%.3f / %.3f / %.3f [%.3f, %.3f]", s.precision(), s.recall(), s.f1(), s.f1Ci().low(), s.f1Ci().high());
        }

        /** Pads CJK labels (two columns a char) to 12 columns. */
        private static String pad(String label) {
            int width = 0;
            for (int i = 0; i < label.length(); i++) width += label.charAt(i) >= 0x1100 ? 2 : 1;
            return label + " ".repeat(Math.max(0, 12 - width));
        }

        private static String pct(double c) { return Math.round(c * 100) + "%"; }

        private static String num(double v) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "null";
        }

        private static String escape(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\""); }
    }

    private final int resamples;
    private final long seed;
    private final double confidence;

    /** 1000 resamples, seed 13, 95% intervals. */
    public NerEvaluation() { this(1000, 13, 0.95); }

    public NerEvaluation(int resamples, long seed, double confidence) {
        if (resamples < 0) throw new IllegalArgumentException("resamples must be >= 0");
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1)");
        this.resamples = resamples;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** Counts of one document: strict and overlap, per label. */
    static Map<String, Counts[]> documentCounts(List<NerSpan> gold, List<NerSpan> predicted) {
        Map<String, Counts[]> out = new LinkedHashMap<>();
        Set<NerSpan> goldSet = new HashSet<>(gold);
        Set<NerSpan> predSet = new LinkedHashSet<>(predicted);
        for (NerSpan g : new LinkedHashSet<>(gold)) {
            Counts[] c = out.computeIfAbsent(g.label(), k -> zero());
            boolean exact = predSet.contains(g);
            boolean overlap = false;
            for (NerSpan p : predSet) {
                if (p.label().equals(g.label()) && p.overlaps(g)) {
                    overlap = true;
                    break;
                }
            }
            c[0] = c[0].plus(new Counts(1, 0, exact ? 1 : 0, 0));
            c[1] = c[1].plus(new Counts(1, 0, overlap ? 1 : 0, 0));
        }
        for (NerSpan p : predSet) {
            Counts[] c = out.computeIfAbsent(p.label(), k -> zero());
            boolean exact = goldSet.contains(p);
            boolean overlap = false;
            for (NerSpan g : goldSet) {
                if (p.label().equals(g.label()) && p.overlaps(g)) {
                    overlap = true;
                    break;
                }
            }
            c[0] = c[0].plus(new Counts(0, 1, 0, exact ? 1 : 0));
            c[1] = c[1].plus(new Counts(0, 1, 0, overlap ? 1 : 0));
        }
        return out;
    }

    private static Counts[] zero() { return new Counts[] {new Counts(0, 0, 0, 0), new Counts(0, 0, 0, 0)}; }

    /**
     * @param gold      gold mentions of each document
     * @param predicted predicted mentions of the same documents, in the same order
     * @param labels    labels to report in this order (null: every label seen, cEHRNER labels first); micro
     *                  counts cover every label seen, listed or not
     */
    public Report evaluate(List<List<NerSpan>> gold, List<List<NerSpan>> predicted, List<String> labels) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold documents but " + predicted.size() + " predicted");
        }
        int docs = gold.size();
        List<Map<String, Counts[]>> perDoc = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int d = 0; d < docs; d++) {
            Map<String, Counts[]> m = documentCounts(gold.get(d), predicted.get(d));
            perDoc.add(m);
            seen.addAll(m.keySet());
        }
        List<String> rowLabels = new ArrayList<>();
        if (labels != null) {
            rowLabels.addAll(labels);
        } else {
            for (String l : CehrnerFormat.LABELS) if (seen.contains(l)) rowLabels.add(l);
            seen.stream().filter(l -> !rowLabels.contains(l)).sorted().forEach(rowLabels::add);
        }
        List<String> keys = new ArrayList<>(rowLabels);
        keys.add(ALL);
        int K = keys.size();
        // counts[d][key][mode] as 4 longs
        long[][][][] counts = new long[docs][K][2][];
        for (int d = 0; d < docs; d++) {
            for (int k = 0; k < K; k++) {
                for (int mode = 0; mode < 2; mode++) counts[d][k][mode] = new long[4];
            }
            for (Map.Entry<String, Counts[]> e : perDoc.get(d).entrySet()) {
                int k = rowLabels.indexOf(e.getKey());
                for (int mode = 0; mode < 2; mode++) {
                    Counts c = e.getValue()[mode];
                    if (k >= 0) add(counts[d][k][mode], c);
                    add(counts[d][K - 1][mode], c);
                }
            }
        }
        // Point estimates.
        long[][][] total = new long[K][2][4];
        for (int d = 0; d < docs; d++) {
            for (int k = 0; k < K; k++) for (int mode = 0; mode < 2; mode++) addTo(total[k][mode], counts[d][k][mode]);
        }
        // Bootstrap.
        double[][][][] samples = new double[K][2][3][resamples];
        Random rnd = new Random(seed);
        long[][][] sum = new long[K][2][4];
        for (int r = 0; r < resamples; r++) {
            for (long[][] a : sum) for (long[] b : a) Arrays.fill(b, 0);
            for (int j = 0; j < docs; j++) {
                int d = rnd.nextInt(docs);
                for (int k = 0; k < K; k++) for (int mode = 0; mode < 2; mode++) addTo(sum[k][mode], counts[d][k][mode]);
            }
            for (int k = 0; k < K; k++) {
                for (int mode = 0; mode < 2; mode++) {
                    Counts c = toCounts(sum[k][mode]);
                    samples[k][mode][0][r] = c.precision();
                    samples[k][mode][1][r] = c.recall();
                    samples[k][mode][2][r] = c.f1();
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < K; k++) {
            Score[] s = new Score[2];
            for (int mode = 0; mode < 2; mode++) {
                Counts c = toCounts(total[k][mode]);
                s[mode] = new Score(c, c.precision(), c.recall(), c.f1(),
                        interval(samples[k][mode][0], c.precision()), interval(samples[k][mode][1], c.recall()),
                        interval(samples[k][mode][2], c.f1()));
            }
            rows.add(new Row(keys.get(k), s[0], s[1]));
        }
        Row micro = rows.remove(rows.size() - 1);
        return new Report(rows, micro, docs, resamples, confidence);
    }

    /** Convenience: gold and predicted texts in the same order (texts must be equal). */
    public Report evaluateTexts(List<AnnotatedText> gold, List<AnnotatedText> predicted, List<String> labels) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold documents but " + predicted.size() + " predicted");
        }
        for (int i = 0; i < gold.size(); i++) {
            if (!gold.get(i).text().equals(predicted.get(i).text())) {
                throw new IllegalArgumentException("document " + (i + 1) + ": the predicted text differs from the gold text");
            }
        }
        return evaluate(gold.stream().map(AnnotatedText::spans).toList(), predicted.stream().map(AnnotatedText::spans).toList(), labels);
    }

    private Interval interval(double[] samples, double point) {
        if (samples.length == 0) return new Interval(point, point);
        double[] s = samples.clone();
        Arrays.sort(s);
        double alpha = (1 - confidence) / 2;
        return new Interval(quantile(s, alpha), quantile(s, 1 - alpha));
    }

    /** Linear interpolation between order statistics (type 7). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void add(long[] a, Counts c) {
        a[0] += c.gold();
        a[1] += c.predicted();
        a[2] += c.matchedGold();
        a[3] += c.matchedPredicted();
    }

    private static void addTo(long[] a, long[] b) {
        for (int i = 0; i < 4; i++) a[i] += b[i];
    }

    private static Counts toCounts(long[] a) { return new Counts(a[0], a[1], a[2], a[3]); }

    static double ratio(long num, long den) { return den == 0 ? 0 : (double) num / den; }

    static double f1(double p, double r) { return p + r == 0 ? 0 : 2 * p * r / (p + r); }
}
