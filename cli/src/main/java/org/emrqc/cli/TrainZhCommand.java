package org.emrqc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.emrqc.extractor.zh.AnnotatedText;
import org.emrqc.extractor.zh.ChineseNerModel;
import org.emrqc.extractor.zh.ChineseNerTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-zh", mixinStandardHelpOptions = true,
        description = "Trains the offline Chinese clinical entity tagger (averaged perceptron over characters, BIOES tags, "
                + "gazetteer features from the training mentions) from cEHRNER JSON lines and writes the model file.",
        footer = {"", "Exit status: 0 model written; 2 usage error (including an unreadable or malformed input)."})
final class TrainZhCommand implements Callable<Integer> {
    @Option(names = "--cehrner", required = true, paramLabel = "FILE",
            description = "Training texts: JSON lines {\"text\", \"mention_data\": [{\"mention\", \"label\", \"offset\"}]}.")
    Path cehrner;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write (gzip'd binary).")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "" + ChineseNerTrainer.DEFAULT_EPOCHS,
            description = "Passes over the training texts. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + ChineseNerTrainer.DEFAULT_SEED,
            description = "Seed of the shuffles (the same seed and data give the same model). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (epochs <= 0) throw new UserError("--epochs must be positive");
        long t0 = System.nanoTime();
        List<AnnotatedText> docs = ZhNerFiles.readCehrner("--cehrner", cehrner);
        long mentions = docs.stream().mapToLong(d -> d.spans().size()).sum();
        if (mentions == 0) throw new UserError("--cehrner " + cehrner + ": no mentions to learn from");
        err.printf("emrqc train-zh: %d texts, %d mentions from %s%n", docs.size(), mentions, cehrner);
        ChineseNerModel model;
        try {
            model = new ChineseNerTrainer().epochs(epochs).seed(seed).progress(line -> err.println("  " + line)).train(docs);
        } catch (IllegalArgumentException e) {
            throw new UserError("--cehrner " + cehrner + ": " + e.getMessage());
        }
        ZhNerFiles.createParent("--out", out);
        long bytes;
        try {
            model.save(out);
            bytes = Files.size(out);
        } catch (IOException e) {
            throw new UserError("--out " + out + ": cannot write: " + e.getMessage());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Trained on %d texts (%d mentions, labels %s) in %.1f s: %d features, %d dictionary entries; wrote %s (%.1f MB)%n",
                docs.size(), mentions, String.join(" ", model.labels()), seconds, model.featureCount(), model.gazetteerSize(), out,
                bytes / 1e6);
        return 0;
    }
}
