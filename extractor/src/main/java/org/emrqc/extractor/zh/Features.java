package org.emrqc.extractor.zh;

/**
 * The feature templates of the tagger. Each feature is a 64-bit key: template id and up to three 18-bit values
 * packed without loss, then scrambled by a bijective mix (so distinct features never share a key, and no key is 0).
 *
 * <p>Per position i, with n[] the normalized chars (full-width ASCII to ASCII, upper to lower case, digits to 0)
 * and BOS/EOS codes past the ends: bias; n[i-2..i+2]; bigrams n[i-2,i-1], n[i-1,i], n[i,i+1], n[i+1,i+2]; trigrams
 * n[i-2..i], n[i-1..i+1], n[i..i+2]; skip bigram n[i-1]n[i+1]; char types of i-1, i, i+1; the raw char when it
 * differs from n[i]; one feature per gazetteer mark bit (see {@link Gazetteer#marks}), alone and with n[i].
 */
final class Features {
    static final int MAX_PER_POSITION = 17 + 2 * 64;
    static final int PAD = 2;
    static final int BOS = 0x10000;
    static final int EOS = 0x10001;

    // char types
    static final int CJK = 0;
    static final int DIGIT = 1;
    static final int LATIN = 2;
    static final int PUNCT = 3;
    static final int SPACE = 4;
    static final int OTHER = 5;
    static final int EDGE = 6;

    private Features() { }

    /** Normalized chars of text, padded by {@link #PAD} BOS codes before and EOS codes after. */
    static int[] normalized(String text) {
        int n = text.length();
        int[] out = new int[n + 2 * PAD];
        for (int k = 0; k < PAD; k++) {
            out[k] = BOS;
            out[n + PAD + k] = EOS;
        }
        for (int i = 0; i < n; i++) out[i + PAD] = normalize(text.charAt(i));
        return out;
    }

    static int normalize(char c) {
        if (c >= 0xFF01 && c <= 0xFF5E) c = (char) (c - 0xFEE0);
        if (c == 0x3000) c = ' ';
        if (c >= '0' && c <= '9') return '0';
        if (c >= 'A' && c <= 'Z') return c + 32;
        return c;
    }

    static int type(int c) {
        if (c == BOS || c == EOS) return EDGE;
        if (c == '0') return DIGIT;
        if (c >= 'a' && c <= 'z') return LATIN;
        if (c == '叒' || Character.isWhitespace(c)) return SPACE;
        if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) return CJK;
        if (c < 0x80 || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2000 && c <= 0x206F)) return PUNCT;
        return OTHER;
    }

    /**
     * Writes the keys of position {@code i} (0-based in the text) into {@code out}; returns how many.
     *
     * @param norm  from {@link #normalized}
     * @param marks from {@link Gazetteer#marks}
     */
    static int extract(String text, int[] norm, long[] marks, int i, long[] out) {
        int p = i + PAD;
        int m2 = norm[p - 2], m1 = norm[p - 1], c0 = norm[p], p1 = norm[p + 1], p2 = norm[p + 2];
        int k = 0;
        out[k++] = key(1, 0, 0, 0);
        out[k++] = key(2, m2, 0, 0);
        out[k++] = key(3, m1, 0, 0);
        out[k++] = key(4, c0, 0, 0);
        out[k++] = key(5, p1, 0, 0);
        out[k++] = key(6, p2, 0, 0);
        out[k++] = key(7, m2, m1, 0);
        out[k++] = key(8, m1, c0, 0);
        out[k++] = key(9, c0, p1, 0);
        out[k++] = key(10, p1, p2, 0);
        out[k++] = key(11, m2, m1, c0);
        out[k++] = key(12, m1, c0, p1);
        out[k++] = key(13, c0, p1, p2);
        out[k++] = key(14, m1, p1, 0);
        out[k++] = key(15, type(m1), type(c0), type(p1));
        char raw = text.charAt(i);
        if (raw != c0) out[k++] = key(16, raw, 0, 0);
        long bits = marks[i];
        while (bits != 0) {
            int b = Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            out[k++] = key(17, b, 0, 0);
            out[k++] = key(18, b, c0, 0);
        }
        return k;
    }

    static long key(int template, int a, int b, int c) {
        long x = ((long) template << 54) | ((long) a << 36) | ((long) b << 18) | c;
        return mix(x);
    }

    /** splitmix64's finalizer: a bijection with mix(0) == 0. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
