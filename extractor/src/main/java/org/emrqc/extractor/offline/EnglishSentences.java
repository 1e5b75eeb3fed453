package org.emrqc.extractor.offline;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English sentence starts from Stanford CoreNLP (tokenize, ssplit), for bounding the context of a mention.
 * A blank line always ends a sentence, so each paragraph is split on its own, and only the paragraphs that
 * hold a mention are tokenized at all; a paragraph seen before (a template, copied-forward text) is not
 * tokenized again — the last {@value #CACHED} distinct paragraphs are kept.
 */
final class EnglishSentences {
    static final int CACHED = 20_000;
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\r]*\\n");
    private static volatile StanfordCoreNLP pipeline;
    private static final Map<String, int[]> PARAGRAPHS = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) { return size() > CACHED; }
    };

    private EnglishSentences() { }

    /**
     * Sentence starts, ascending, at least for the paragraphs that contain one of {@code positions}; every
     * other paragraph contributes only its own start.
     */
    static int[] starts(String text, int[] positions) {
        int[] sorted = positions.clone();
        Arrays.sort(sorted);
        int[] out = new int[16];
        int n = 0;
        int from = 0;
        int next = 0; // index into sorted
        Matcher blank = BLANK_LINE.matcher(text);
        while (from <= text.length()) {
            int to = blank.find(from) ? blank.start() : text.length();
            int after = to < text.length() ? blank.end() : text.length() + 1;
            while (next < sorted.length && sorted[next] < from) next++;
            boolean needed = next < sorted.length && sorted[next] < after;
            int[] rel = needed ? paragraph(text.substring(from, to)) : new int[]{0};
            if (n + rel.length > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, n + rel.length));
            for (int r : rel) out[n++] = from + r;
            from = after;
        }
        return Arrays.copyOf(out, n);
    }

    /** Sentence starts inside one paragraph, relative to it (0 when it has none). */
    private static int[] paragraph(String paragraph) {
        int[] cached;
        synchronized (PARAGRAPHS) {
            cached = PARAGRAPHS.get(paragraph);
        }
        if (cached != null) return cached;
        Annotation a = new Annotation(paragraph);
        pipeline().annotate(a);
        List<CoreMap> sentences = a.get(CoreAnnotations.SentencesAnnotation.class);
        int[] starts = new int[Math.max(1, sentences.size())];
        for (int i = 0; i < sentences.size(); i++) starts[i] = sentences.get(i).get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
        synchronized (PARAGRAPHS) {
            PARAGRAPHS.put(paragraph, starts);
        }
        return starts;
    }

    private static StanfordCoreNLP pipeline() {
        if (pipeline == null) {
            synchronized (EnglishSentences.class) {
                if (pipeline == null) {
                    Properties p = new Properties();
                    p.setProperty("annotators", "tokenize,ssplit");
                    p.setProperty("tokenize.language", "en");
                    p.setProperty("ssplit.newlineIsSentenceBreak", "two");
                    // only sentence boundaries are used: no invertible whitespace bookkeeping, no PTB escaping
                    p.setProperty("tokenize.options", "invertible=false,ptb3Escaping=false,untokenizable=noneKeep");
                    pipeline = new StanfordCoreNLP(p);
                }
            }
        }
        return pipeline;
    }
}
