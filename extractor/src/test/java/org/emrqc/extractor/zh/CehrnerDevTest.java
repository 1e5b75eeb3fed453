package org.emrqc.extractor.zh;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trains on the shared cEHRNER train split and scores the dev split (when ../shared/data/cehrner is present).
 * Takes about 10-20 s on one core.
 */
class CehrnerDevTest {
    static final Path DATA = Path.of("..", "..", "shared", "data", "cehrner");

    @Test
    void devStrictMicroF1IsAtLeastSeventyPercent() throws Exception {
        assumeTrue(Files.isRegularFile(DATA.resolve("train.json")) && Files.isRegularFile(DATA.resolve("dev.json")),
                "../shared/data/cehrner is not present");
        List<AnnotatedText> train = CehrnerFormat.read(DATA.resolve("train.json"));
        List<AnnotatedText> dev = CehrnerFormat.read(DATA.resolve("dev.json"));
        long t0 = System.nanoTime();
        ChineseNerModel model = new ChineseNerTrainer().train(train);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        List<AnnotatedText> pred = dev.stream().map(d -> d.withSpans(model.tag(d.text()))).toList();
        NerEvaluation.Report r = new NerEvaluation().evaluateTexts(dev, pred, CehrnerFormat.LABELS);
        System.out.printf("cEHRNER dev (trained in %.1f s):%n%s%s%n", trainSeconds, r.table(), r.json());
        assertTrue(r.micro().strict().f1() >= 0.70, r.table());
        assertTrue(trainSeconds < 180, "training took " + trainSeconds + " s");
    }
}
