package org.emrqc.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.emrqc.extractor.zh.AnnotatedText;
import org.emrqc.extractor.zh.CehrnerFormat;
import org.emrqc.extractor.zh.ChineseNerModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Tags clinical entity mentions in Chinese texts with a model from 'emrqc train-zh' and writes them in the same format.",
        footer = {"", "Exit status: 0 output written; 2 usage error (including an unreadable input or model)."})
final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--format", required = true, paramLabel = "cehrner",
            description = "Input and output format. Only cehrner: JSON lines {\"text\", \"mention_data\"}; the input's mention_data is ignored and the output's holds the predictions.")
    String format;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "Texts to tag.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write: one line per input line, in order.")
    Path out;

    @Option(names = "--zh-model", required = true, paramLabel = "MODEL", description = "Model written by 'emrqc train-zh'.")
    Path zhModel;

    @Option(names = "--threads", paramLabel = "N", description = "Texts tagged in parallel. Default: the number of cores.")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        if (!"cehrner".equals(format)) throw new UserError("--format: only 'cehrner' is supported, not '" + format + "'");
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n <= 0) throw new UserError("--threads must be positive");
        long t0 = System.nanoTime();
        ChineseNerModel model = ZhNerFiles.readModel("--zh-model", zhModel);
        List<AnnotatedText> docs = ZhNerFiles.readCehrner("--in", in);
        long t1 = System.nanoTime();
        List<AnnotatedText> tagged = new ArrayList<>(docs.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(n, docs.size())));
        try {
            List<Future<AnnotatedText>> jobs = new ArrayList<>();
            for (AnnotatedText d : docs) jobs.add(pool.submit(() -> d.withSpans(model.tag(d.text()))));
            for (Future<AnnotatedText> f : jobs) tagged.add(f.get());
        } finally {
            pool.shutdown();
        }
        double tagSeconds = (System.nanoTime() - t1) / 1e9;
        ZhNerFiles.createParent("--out", out);
        try {
            CehrnerFormat.write(out, tagged);
        } catch (IOException e) {
            throw new UserError("--out " + out + ": cannot write: " + e.getMessage());
        }
        long chars = docs.stream().mapToLong(d -> d.text().length()).sum();
        long mentions = tagged.stream().mapToLong(d -> d.spans().size()).sum();
        System.out.printf("Tagged %d texts (%d chars, %d mentions) in %.2f s (%.0f chars/s on %d threads, %.1f s in all); wrote %s%n",
                docs.size(), chars, mentions, tagSeconds, chars / Math.max(tagSeconds, 1e-9), Math.min(n, Math.max(1, docs.size())),
                (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }
}
