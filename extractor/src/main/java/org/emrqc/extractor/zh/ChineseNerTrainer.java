package org.emrqc.extractor.zh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Trains a {@link ChineseNerModel}: an averaged structured perceptron over BIOES tags.
 *
 * <p>The gazetteer features of the training texts come from a jackknife: the texts are split into
 * {@link #folds(int) folds} and each fold is marked with a gazetteer of the other folds' mentions, so that the
 * weights learn how far a dictionary match can be trusted on unseen text. The saved model carries the gazetteer of
 * all training mentions. Training is deterministic for a given seed.
 */
public final class ChineseNerTrainer {
    public static final int DEFAULT_EPOCHS = 12;
    public static final long DEFAULT_SEED = 1;

    private int epochs = DEFAULT_EPOCHS;
    private long seed = DEFAULT_SEED;
    private int folds = 10;
    private int minFeatureCount = 1;
    private Consumer<String> progress = s -> { };

    public ChineseNerTrainer epochs(int epochs) {
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be positive");
        this.epochs = epochs;
        return this;
    }

    public ChineseNerTrainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Folds of the gazetteer jackknife (at least 2; fewer texts than folds means one text a fold). */
    public ChineseNerTrainer folds(int folds) {
        if (folds < 2) throw new IllegalArgumentException("folds must be at least 2");
        this.folds = folds;
        return this;
    }

    /** Features seen fewer times in the training texts are dropped. */
    public ChineseNerTrainer minFeatureCount(int n) {
        if (n < 1) throw new IllegalArgumentException("minFeatureCount must be at least 1");
        this.minFeatureCount = n;
        return this;
    }

    /** Receives one line per step (features counted, each epoch). */
    public ChineseNerTrainer progress(Consumer<String> progress) {
        this.progress = progress;
        return this;
    }

    /** The labels of a training set: the cEHRNER labels that occur, in their order, then any others sorted. */
    static List<String> labelsOf(List<AnnotatedText> docs) {
        Set<String> seen = new TreeSet<>();
        for (AnnotatedText d : docs) for (NerSpan s : d.spans()) seen.add(s.label());
        Set<String> out = new LinkedHashSet<>();
        for (String l : CehrnerFormat.LABELS) if (seen.contains(l)) out.add(l);
        out.addAll(seen);
        return new ArrayList<>(out);
    }

    public ChineseNerModel train(List<AnnotatedText> docs) {
        long t0 = System.nanoTime();
        List<String> labels = labelsOf(docs);
        if (labels.isEmpty()) throw new IllegalArgumentException("the training texts have no mentions");
        if (labels.size() > Gazetteer.MAX_LABELS) {
            throw new IllegalArgumentException("at most " + Gazetteer.MAX_LABELS + " labels are supported, got " + labels.size() + ": " + labels);
        }
        Map<String, Integer> labelIndex = new LinkedHashMap<>();
        for (String l : labels) labelIndex.put(l, labelIndex.size());
        TagScheme scheme = new TagScheme(labels);
        final int T = scheme.size;

        // Jackknife gazetteer marks.
        int k = Math.min(folds, docs.size());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) order.add(i);
        Collections.shuffle(order, new Random(seed));
        int[] foldOf = new int[docs.size()];
        for (int i = 0; i < order.size(); i++) foldOf[order.get(i)] = i % k;
        long[][] marks = new long[docs.size()][];
        if (k < 2) {
            marks[0] = new long[docs.get(0).text().length()];
        } else {
            for (int f = 0; f < k; f++) {
                List<AnnotatedText> others = new ArrayList<>();
                for (int i = 0; i < docs.size(); i++) if (foldOf[i] != f) others.add(docs.get(i));
                Gazetteer g = Gazetteer.of(others, labelIndex);
                for (int i = 0; i < docs.size(); i++) if (foldOf[i] == f) marks[i] = g.marks(docs.get(i).text());
            }
        }

        // Feature counts, then ids for those frequent enough.
        long[] keys = new long[Features.MAX_PER_POSITION];
        LongIntMap counts = new LongIntMap(1 << 20);
        long chars = 0;
        for (int d = 0; d < docs.size(); d++) {
            String text = docs.get(d).text();
            int[] norm = Features.normalized(text);
            for (int i = 0; i < text.length(); i++) {
                int n = Features.extract(text, norm, marks[d], i, keys);
                for (int j = 0; j < n; j++) counts.add(keys[j], 1);
            }
            chars += text.length();
        }
        LongIntMap index = new LongIntMap(counts.size());
        int[] next = {0};
        counts.forEach((key, c) -> {
            if (c >= minFeatureCount) index.putIfAbsent(key, next[0]++);
        });
        int F = index.size();
        progress.accept(String.format("%d texts, %d chars, %d labels, %d features (%d seen), %.1f s",
                docs.size(), chars, labels.size(), F, counts.size(), (System.nanoTime() - t0) / 1e9));

        // Training segments: split after 。 unless a mention crosses.
        List<int[][]> segFeats = new ArrayList<>();
        List<int[]> segGold = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            AnnotatedText doc = docs.get(d);
            String text = doc.text();
            int[] norm = Features.normalized(text);
            for (int[] s : trainingSegments(doc)) {
                int n = s[1] - s[0];
                int[][] feats = new int[n][];
                int[] buf = new int[Features.MAX_PER_POSITION];
                for (int i = 0; i < n; i++) {
                    int m = Features.extract(text, norm, marks[d], s[0] + i, keys);
                    int c = 0;
                    for (int j = 0; j < m; j++) {
                        int id = index.get(keys[j]);
                        if (id >= 0) buf[c++] = id;
                    }
                    feats[i] = java.util.Arrays.copyOf(buf, c);
                }
                segFeats.add(feats);
                segGold.add(scheme.encode(doc.spans(), s[0], s[1], labelIndex));
            }
        }

        float[] w = new float[F * T];
        double[] wAcc = new double[F * T];
        float[] trans = new float[(T + 1) * T];
        double[] transAcc = new double[(T + 1) * T];
        float[] end = new float[T];
        double[] endAcc = new double[T];
        int maxLen = 0;
        for (int[] g : segGold) maxLen = Math.max(maxLen, g.length);
        float[] emit = new float[maxLen * T];
        float[] delta = new float[maxLen * T];
        int[] back = new int[maxLen * T];
        int[] pred = new int[maxLen];
        List<Integer> segOrder = new ArrayList<>();
        for (int i = 0; i < segGold.size(); i++) segOrder.add(i);
        Random rnd = new Random(seed ^ 0x5DEECE66DL);
        double c = 1;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Collections.shuffle(segOrder, rnd);
            int wrongSegments = 0;
            long wrongTags = 0;
            for (int si : segOrder) {
                int[][] feats = segFeats.get(si);
                int[] gold = segGold.get(si);
                int n = gold.length;
                java.util.Arrays.fill(emit, 0, n * T, 0f);
                for (int i = 0; i < n; i++) {
                    int row = i * T;
                    for (int f : feats[i]) {
                        int base = f * T;
                        for (int t = 0; t < T; t++) emit[row + t] += w[base + t];
                    }
                }
                scheme.viterbi(emit, n, trans, end, delta, back, pred);
                boolean wrong = false;
                for (int i = 0; i < n; i++) {
                    int g = gold[i];
                    int p = pred[i];
                    if (g != p) {
                        wrong = true;
                        wrongTags++;
                        for (int f : feats[i]) {
                            int base = f * T;
                            w[base + g] += 1;
                            wAcc[base + g] += c;
                            w[base + p] -= 1;
                            wAcc[base + p] -= c;
                        }
                    }
                    int gp = i == 0 ? TagScheme.START : gold[i - 1];
                    int pp = i == 0 ? TagScheme.START : pred[i - 1];
                    if (g != p || gp != pp) {
                        int gi = (gp + 1) * T + g;
                        int pi = (pp + 1) * T + p;
                        trans[gi] += 1;
                        transAcc[gi] += c;
                        trans[pi] -= 1;
                        transAcc[pi] -= c;
                    }
                }
                if (gold[n - 1] != pred[n - 1]) {
                    end[gold[n - 1]] += 1;
                    endAcc[gold[n - 1]] += c;
                    end[pred[n - 1]] -= 1;
                    endAcc[pred[n - 1]] -= c;
                }
                if (wrong) wrongSegments++;
                c++;
            }
            progress.accept(String.format("epoch %d/%d: %d of %d segments wrong, %d tags wrong, %.1f s",
                    epoch, epochs, wrongSegments, segGold.size(), wrongTags, (System.nanoTime() - t0) / 1e9));
        }

        // Averaged weights; drop features whose row is all zero.
        float[] avgTrans = average(trans, transAcc, c);
        float[] avgEnd = average(end, endAcc, c);
        int[] newId = new int[F];
        int kept = 0;
        for (int f = 0; f < F; f++) {
            boolean any = false;
            for (int t = 0; t < T && !any; t++) any = (float) (w[f * T + t] - wAcc[f * T + t] / c) != 0f;
            newId[f] = any ? kept++ : -1;
        }
        float[] weights = new float[kept * T];
        for (int f = 0; f < F; f++) {
            if (newId[f] < 0) continue;
            for (int t = 0; t < T; t++) weights[newId[f] * T + t] = (float) (w[f * T + t] - wAcc[f * T + t] / c);
        }
        LongIntMap finalIndex = new LongIntMap(kept);
        index.forEach((key, id) -> {
            if (newId[id] >= 0) finalIndex.putIfAbsent(key, newId[id]);
        });
        Map<String, String> info = new LinkedHashMap<>();
        info.put("epochs", Integer.toString(epochs));
        info.put("seed", Long.toString(seed));
        info.put("folds", Integer.toString(k));
        info.put("minFeatureCount", Integer.toString(minFeatureCount));
        info.put("texts", Integer.toString(docs.size()));
        info.put("chars", Long.toString(chars));
        ChineseNerModel model = new ChineseNerModel(scheme, Gazetteer.of(docs, labelIndex), finalIndex, weights, avgTrans, avgEnd, info);
        progress.accept(String.format("%d features kept, %.1f s", kept, (System.nanoTime() - t0) / 1e9));
        return model;
    }

    private static float[] average(float[] w, double[] acc, double c) {
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) out[i] = (float) (w[i] - acc[i] / c);
        return out;
    }

    /** Segments of {@link TagScheme#segments}, merged where a mention crosses a boundary. */
    static List<int[]> trainingSegments(AnnotatedText doc) {
        List<int[]> raw = TagScheme.segments(doc.text());
        List<int[]> out = new ArrayList<>();
        for (int[] s : raw) {
            if (!out.isEmpty() && crosses(doc.spans(), s[0])) {
                out.get(out.size() - 1)[1] = s[1];
            } else {
                out.add(new int[] {s[0], s[1]});
            }
        }
        return out;
    }

    private static boolean crosses(List<NerSpan> spans, int boundary) {
        for (NerSpan s : spans) if (s.start() < boundary && s.end() > boundary) return true;
        return false;
    }
}
