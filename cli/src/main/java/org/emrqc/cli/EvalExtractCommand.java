package org.emrqc.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.emrqc.extractor.zh.AnnotatedText;
import org.emrqc.extractor.zh.CehrnerFormat;
import org.emrqc.extractor.zh.NerEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval-extract", mixinStandardHelpOptions = true,
        description = "Scores predicted entity mentions against gold ones (cEHRNER JSON lines, the same texts in the same order): "
                + "strict (same start, end, label) and overlap (same label, shared chars) micro precision, recall and F1, "
                + "per label and in all, with bootstrap confidence intervals over documents. The last line is JSON.",
        footer = {"", "Exit status: 0 scored; 2 usage error (including files whose texts differ)."})
final class EvalExtractCommand implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold mentions.")
    Path gold;

    @Option(names = "--pred", required = true, paramLabel = "FILE", description = "Predicted mentions, e.g. from 'emrqc extract'.")
    Path pred;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples. Default: ${DEFAULT-VALUE}.")
    int resamples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "13", description = "Bootstrap seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        if (resamples < 0) throw new UserError("--resamples must not be negative");
        List<AnnotatedText> g = ZhNerFiles.readCehrner("--gold", gold);
        List<AnnotatedText> p = ZhNerFiles.readCehrner("--pred", pred);
        if (g.size() != p.size()) throw new UserError("--gold has " + g.size() + " texts but --pred has " + p.size());
        for (int i = 0; i < g.size(); i++) {
            if (!g.get(i).text().equals(p.get(i).text())) {
                throw new UserError("text " + (i + 1) + " of --pred differs from text " + (i + 1) + " of --gold");
            }
        }
        List<String> labels = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (List<AnnotatedText> docs : List.of(g, p)) for (AnnotatedText d : docs) d.spans().forEach(s -> seen.add(s.label()));
        for (String l : CehrnerFormat.LABELS) labels.add(l);
        for (String l : seen) if (!labels.contains(l)) labels.add(l);
        NerEvaluation.Report r = new NerEvaluation(resamples, seed, 0.95).evaluateTexts(g, p, labels);
        System.out.printf("%d texts; %d resamples of texts for the 95%% intervals%n", r.documents(), resamples);
        System.out.print(r.table());
        System.out.println(r.json());
        return 0;
    }
}
