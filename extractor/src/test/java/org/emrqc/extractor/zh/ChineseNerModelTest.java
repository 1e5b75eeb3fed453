package org.emrqc.extractor.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChineseNerModelTest {
    static List<AnnotatedText> corpus;
    static ChineseNerModel model;

    @BeforeAll
    static void train() {
        corpus = TinyCorpus.sentences();
        model = new ChineseNerTrainer().epochs(30).seed(3).train(corpus);
    }

    @Test
    void recoversTheEntitiesOfItsTrainingSentences() {
        List<AnnotatedText> pred = corpus.stream().map(d -> d.withSpans(model.tag(d.text()))).toList();
        NerEvaluation.Report r = new NerEvaluation(0, 1, 0.95).evaluateTexts(corpus, pred, null);
        // every mention found; the averaged weights may leave a stray extra one
        assertEquals(1.0, r.micro().strict().recall(), r.table());
        assertTrue(r.micro().strict().precision() >= 0.95, r.table());
    }

    @Test
    void tagsKnownEntitiesInANewSentence() {
        String text = "患者出现腹痛、恶心，予奥美拉唑治疗。";
        List<NerSpan> spans = model.tag(text);
        assertTrue(spans.contains(new NerSpan(4, 6, "症状")), spans.toString());
        assertTrue(spans.contains(new NerSpan(7, 9, "症状")), spans.toString());
        assertTrue(spans.contains(new NerSpan(11, 15, "药物")), spans.toString());
    }

    @Test
    void labelsAreTheSevenInCehrnerOrder() {
        assertEquals(CehrnerFormat.LABELS, model.labels());
        assertEquals("30", model.info().get("epochs"));
    }

    @Test
    void emptyAndOddTexts() {
        assertEquals(List.of(), model.tag(""));
        model.tag("。。。");
        model.tag("叒叒 abc ＡＢＣ １２３ 😀");
        List<NerSpan> spans = model.tag("腹痛");
        for (NerSpan s : spans) assertTrue(s.end() <= 2);
    }

    @Test
    void saveAndLoadGiveIdenticalOutput(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("zh.model");
        model.save(f);
        ChineseNerModel loaded = ChineseNerModel.load(f);
        assertEquals(model.labels(), loaded.labels());
        assertEquals(model.info(), loaded.info());
        assertEquals(model.featureCount(), loaded.featureCount());
        String[] texts = {"患者出现腹痛、恶心，予奥美拉唑治疗。", "胸部CT示左肺上叶结节，行肺叶切除术。", "尿常规示白细胞升高。"};
        for (AnnotatedText d : corpus) assertEquals(model.tag(d.text()), loaded.tag(d.text()));
        for (String t : texts) assertEquals(model.tag(t), loaded.tag(t));
        // the same bytes again
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        loaded.save(again);
        assertEquals(Files.size(f), again.size());
    }

    @Test
    void trainingIsDeterministicForASeed() throws IOException {
        ChineseNerModel other = new ChineseNerTrainer().epochs(30).seed(3).train(corpus);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        model.save(a);
        other.save(b);
        assertTrue(java.util.Arrays.equals(a.toByteArray(), b.toByteArray()));
    }

    @Test
    void rejectsFilesThatAreNotModels() throws IOException {
        IOException e = assertThrows(IOException.class, () -> ChineseNerModel.load(new ByteArrayInputStream("hello".getBytes())));
        assertTrue(e.getMessage().contains("not an emrqc Chinese NER model"), e.getMessage());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF(ChineseNerModel.MAGIC);
            out.writeInt(99);
        }
        IOException v = assertThrows(IOException.class, () -> ChineseNerModel.load(new ByteArrayInputStream(bytes.toByteArray())));
        assertTrue(v.getMessage().contains("version 99"), v.getMessage());
    }

    @Test
    void taggingIsThreadSafe() throws Exception {
        List<String> texts = corpus.stream().map(AnnotatedText::text).toList();
        List<List<NerSpan>> expected = texts.stream().map(model::tag).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> jobs = new java.util.ArrayList<>();
            for (int r = 0; r < 8; r++) {
                jobs.add(pool.submit(() -> {
                    for (int k = 0; k < 20; k++) {
                        for (int i = 0; i < texts.size(); i++) if (!expected.get(i).equals(model.tag(texts.get(i)))) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> j : jobs) assertTrue(j.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void trainerRejectsTextsWithoutMentions() {
        assertThrows(IllegalArgumentException.class, () -> new ChineseNerTrainer().train(List.of(new AnnotatedText("无", List.of()))));
    }
}
