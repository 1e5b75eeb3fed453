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
    @Option(names = "--gold", paramLabel = "FILE", description = "Gold mentions.")
    Path gold;

    @Option(names = "--pred", paramLabel = "FILE", description = "Predicted mentions, e.g. from 'emrqc extract'.")
    Path pred;

    @Option(names = "--synthea", paramLabel = "PATH",
            description = "Instead of --gold/--pred: Synthea bundles (files or a folder). Runs the offline extractor on every note and scores recall of the note's encounter's coded conditions and medication orders mentioned in it, and normalization accuracy to their codes.")
    List<Path> synthea;



    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples. Default: ${DEFAULT-VALUE}.")
    int resamples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "13", description = "Bootstrap seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        if (resamples < 0) throw new UserError("--resamples must not be negative");
        if (synthea != null) return synthea();
        if (gold == null || pred == null) throw new UserError("give --gold and --pred (cEHRNER), or --synthea PATH");
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

    private Integer synthea() {
        InputFiles inputs = InputFiles.collect(synthea);
        if (inputs.inputs.isEmpty()) throw new UserError("--synthea: no FHIR files in " + synthea);
        var extractor = new org.emrqc.extractor.offline.OfflineExtractor();
        var tables = org.emrqc.extractor.terminology.TsvTerminology.shipped();
        SyntheaNoteEvaluation.Result r = SyntheaNoteEvaluation.run(inputs.inputs.stream().map(InputFiles.Input::file).toList(), extractor, tables);
        System.out.printf(java.util.Locale.ROOT, "%d notes, %,d characters, extraction %.2f s: %,.0f characters/s on one thread%n",
                r.notes(), r.characters(), r.seconds(), r.characters() / r.seconds());
        StringBuilder json = new StringBuilder("{\"notes\": " + r.notes());
        for (String kind : new String[]{"diagnosis", "medication", null}) {
            double[] rec = SyntheaNoteEvaluation.recall(r, kind, false, resamples, seed);
            double[] nor = SyntheaNoteEvaluation.recall(r, kind, true, resamples, seed);
            String k = kind == null ? "all" : kind;
            System.out.printf(java.util.Locale.ROOT, "%-11s gold %5d  recall %.4f [%.4f, %.4f]  normalization %.4f [%.4f, %.4f]%n",
                    k, SyntheaNoteEvaluation.count(r, kind), rec[0], rec[1], rec[2], nor[0], nor[1], nor[2]);
            json.append(String.format(java.util.Locale.ROOT, ", \"%s_recall\": %.4f, \"%s_normalization\": %.4f", k, rec[0], k, nor[0]));
        }
        json.append(String.format(java.util.Locale.ROOT, ", \"chars_per_second\": %.0f}", r.characters() / r.seconds()));
        System.out.println(json);
        return 0;
    }
}
