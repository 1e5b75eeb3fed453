package org.emrqc.extractor.zh;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained character-level BIOES tagger: linear scores over {@link Features} (with gazetteer features from the
 * training mentions), first-order transitions, constrained Viterbi decoding per segment (split after 。).
 * Immutable and thread-safe. Saved as a gzip'd binary file that starts with a magic string and a version.
 */
public final class ChineseNerModel implements ChineseTagger {
    static final String MAGIC = "emrqc-zh-ner";
    static final int VERSION = 1;

    final TagScheme scheme;
    final Gazetteer gazetteer;
    final LongIntMap index;
    /** weights[feature * scheme.size + tag] */
    final float[] weights;
    /** See {@link TagScheme}: (prev + 1) * size + cur. */
    final float[] trans;
    final float[] end;
    private final Map<String, String> info;

    ChineseNerModel(TagScheme scheme, Gazetteer gazetteer, LongIntMap index, float[] weights, float[] trans, float[] end,
                    Map<String, String> info) {
        this.scheme = scheme;
        this.gazetteer = gazetteer;
        this.index = index;
        this.weights = weights;
        this.trans = trans;
        this.end = end;
        this.info = Map.copyOf(info);
    }

    @Override
    public List<String> labels() { return scheme.labels; }

    /** How the model was trained (epochs, seed, documents, ...). */
    public Map<String, String> info() { return info; }

    public int featureCount() { return index.size(); }

    public int gazetteerSize() { return gazetteer.entries().size(); }

    @Override
    public List<NerSpan> tag(String text) {
        List<NerSpan> out = new ArrayList<>();
        if (text.isEmpty()) return out;
        int[] norm = Features.normalized(text);
        long[] marks = gazetteer.marks(text);
        long[] keys = new long[Features.MAX_PER_POSITION];
        int T = scheme.size;
        int maxLen = 0;
        List<int[]> segments = TagScheme.segments(text);
        for (int[] s : segments) maxLen = Math.max(maxLen, s[1] - s[0]);
        float[] emit = new float[maxLen * T];
        float[] delta = new float[maxLen * T];
        int[] back = new int[maxLen * T];
        int[] tags = new int[maxLen];
        for (int[] s : segments) {
            int n = s[1] - s[0];
            java.util.Arrays.fill(emit, 0, n * T, 0f);
            for (int i = 0; i < n; i++) {
                int k = Features.extract(text, norm, marks, s[0] + i, keys);
                int row = i * T;
                for (int j = 0; j < k; j++) {
                    int f = index.get(keys[j]);
                    if (f < 0) continue;
                    int base = f * T;
                    for (int t = 0; t < T; t++) emit[row + t] += weights[base + t];
                }
            }
            scheme.viterbi(emit, n, trans, end, delta, back, tags);
            scheme.decode(tags, n, s[0], out);
        }
        return out;
    }

    /** Writes the model (gzip'd). */
    public void save(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            save(os);
        }
    }

    public void save(OutputStream os) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(new BufferedOutputStream(os, 1 << 16), 1 << 16);
        DataOutputStream out = new DataOutputStream(gz);
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(info.size());
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(info).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeInt(scheme.labels.size());
        for (String l : scheme.labels) out.writeUTF(l);
        Map<String, Integer> entries = gazetteer.entries();
        out.writeInt(entries.size());
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeByte(e.getValue());
        }
        int T = scheme.size;
        int f = index.size();
        out.writeInt(f);
        long[] keys = new long[f];
        index.forEach((key, id) -> keys[id] = key);
        for (int i = 0; i < f; i++) {
            out.writeLong(keys[i]);
            for (int t = 0; t < T; t++) out.writeFloat(weights[i * T + t]);
        }
        for (float v : trans) out.writeFloat(v);
        for (float v : end) out.writeFloat(v);
        out.writeUTF(MAGIC);
        gz.finish();
        out.flush();
    }

    public static ChineseNerModel load(Path file) throws IOException {
        try (InputStream is = Files.newInputStream(file)) {
            return load(is);
        }
    }

    /** @throws IOException when the stream is not a model of this version */
    public static ChineseNerModel load(InputStream is) throws IOException {
        DataInputStream in;
        try {
            in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(is, 1 << 16), 1 << 16));
        } catch (java.util.zip.ZipException e) {
            throw new IOException("not an emrqc Chinese NER model (not gzip)");
        }
        String magic;
        try {
            magic = in.readUTF();
        } catch (IOException e) {
            throw new IOException("not an emrqc Chinese NER model");
        }
        if (!MAGIC.equals(magic)) throw new IOException("not an emrqc Chinese NER model");
        int version = in.readInt();
        if (version != VERSION) throw new IOException("Chinese NER model version " + version + " is not supported (this build reads " + VERSION + ")");
        Map<String, String> info = new LinkedHashMap<>();
        int ni = in.readInt();
        for (int i = 0; i < ni; i++) info.put(in.readUTF(), in.readUTF());
        int nl = in.readInt();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < nl; i++) labels.add(in.readUTF());
        TagScheme scheme = new TagScheme(labels);
        int ng = in.readInt();
        Map<String, Integer> entries = new LinkedHashMap<>();
        for (int i = 0; i < ng; i++) entries.put(in.readUTF(), (int) in.readByte());
        int T = scheme.size;
        int f = in.readInt();
        LongIntMap index = new LongIntMap(f);
        float[] weights = new float[f * T];
        for (int i = 0; i < f; i++) {
            index.putIfAbsent(in.readLong(), i);
            for (int t = 0; t < T; t++) weights[i * T + t] = in.readFloat();
        }
        float[] trans = new float[(T + 1) * T];
        for (int i = 0; i < trans.length; i++) trans[i] = in.readFloat();
        float[] end = new float[T];
        for (int i = 0; i < T; i++) end[i] = in.readFloat();
        if (!MAGIC.equals(in.readUTF())) throw new IOException("Chinese NER model is truncated or corrupt");
        return new ChineseNerModel(scheme, new Gazetteer(entries), index, weights, trans, end, info);
    }
}
