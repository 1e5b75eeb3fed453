package org.emrqc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.emrqc.fhir.FindingsBundleWriter;
import org.emrqc.fhir.InputProblem;
import org.emrqc.rules.check.FileOutcome;
import org.emrqc.rules.check.RecordChecker;
import org.emrqc.rules.engine.CompiledRuleBase;
import org.emrqc.rules.engine.RuleBaseCache;
import org.emrqc.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks FHIR R4 records (JSON bundles or resources, NDJSON) against a regional rule pack and writes, for each input X.json or X.ndjson, DIR/X.qc.json: a Bundle of DetectedIssue findings with the record's score.",
        footer = {"", "Exit status: 0 every input checked; 1 some input could not be read or checked (the others are written); 2 usage error."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    PackOptions pack;

    @Mixin
    StructuringOptions structuring;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the findings (created if missing).")
    Path out;

    @Option(names = "--lang", paramLabel = "zh|en", description = "Language of DetectedIssue.detail. Default: the region's (zh for CN*, else en).")
    String lang;

    @Option(names = "--as-of", paramLabel = "TIME", description = "Check as of this instant (ISO-8601, e.g. 2026-01-01T00:00:00Z) instead of now: 'future' and 'open stay' rules use it.")
    String asOf;

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC", description = "Zone for dates and times written without an offset. Default: ${DEFAULT-VALUE}.")
    String timezone;

    @Option(names = "--threads", paramLabel = "N", description = "Files checked in parallel. Default: the number of cores.")
    Integer threads;

    @Option(names = "--no-batch", description = "Check each record alone: skip the first pass that lets the batch checks "
            + "(a 拟诊讨论 repeating another patient's, UNR-COPY-PATIENTS) compare the records of the inputs with each other.")
    boolean noBatch;

    @Option(names = "--max-file-mb", paramLabel = "MB", defaultValue = "256", description = "Larger files are reported and skipped. Default: ${DEFAULT-VALUE}.")
    int maxFileMb;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (searched for .json, .ndjson, .jsonl).")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        long checkedAt = parseAsOf();
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone);
        } catch (RuntimeException e) {
            throw new UserError("--timezone: unknown zone '" + timezone + "'");
        }
        if (lang != null && !lang.equals("zh") && !lang.equals("en")) throw new UserError("--lang must be zh or en");
        if (maxFileMb <= 0) throw new UserError("--max-file-mb must be positive");
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n <= 0) throw new UserError("--threads must be positive");

        long t0 = System.nanoTime();
        RulePack rulePack = pack.load();
        CompiledRuleBase base = new RuleBaseCache().get(rulePack, pack.region);
        String language = lang != null ? lang : base.ruleSet().language();
        err.printf("emrqc check: pack %s, region %s (%s), %d rules enabled, compiled in %d ms%n", rulePack.label(), pack.region,
                base.ruleSet().chainLabel(), base.ruleSet().enabled().size(), base.buildMillis());

        InputFiles inputs = InputFiles.collect(paths);
        CheckSummary summary = new CheckSummary();
        for (String m : inputs.missing) {
            err.println("error: " + m);
            summary.missing();
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserError("--out " + out + ": cannot create folder: " + e.getMessage());
        }
        RecordChecker checker = new RecordChecker(base, pack.region, zone, maxFileMb * 1024L * 1024L).withStage(structuring.stage(rulePack));
        org.emrqc.rules.engine.BatchPeers peers = org.emrqc.rules.engine.BatchPeers.forRules(base.ruleSet());
        if (peers.wanted() && !noBatch) {
            // first pass: the sections the batch checks compare, found by header alone (no extraction)
            long b0 = System.nanoTime();
            AtomicInteger read = new AtomicInteger();
            inParallel(n, inputs.inputs, in -> read.addAndGet(checker.collectPeers(in.file(), peers, org.emrqc.extractor.NarrativeStage::addSections)));
            checker.withPeers(peers);
            err.printf("emrqc check: batch of %d records read for the checks across patients (%d with sections to compare) in %d ms%n",
                    read.get(), peers.records(), (System.nanoTime() - b0) / 1_000_000);
        }
        FindingsBundleWriter writer = new FindingsBundleWriter(language);
        ProgressBar bar = new ProgressBar(err, inputs.inputs.size(), System.console() != null);
        AtomicInteger written = new AtomicInteger();
        inParallel(n, inputs.inputs, in -> {
            FileOutcome o = checker.check(in.file(), checkedAt);
            for (InputProblem p : o.problems()) {
                synchronized (err) { err.println((p.fatal() ? "error: " : "warning: ") + p); }
            }
            if (!o.results().isEmpty() || !o.failed()) {
                String json = writer.json(writer.bundle(in.file().getFileName().toString(), o.results(), checkedAt));
                try {
                    Files.writeString(out.resolve(in.outputName()), json, StandardCharsets.UTF_8);
                    written.incrementAndGet();
                } catch (IOException e) {
                    synchronized (err) { err.println("error: " + out.resolve(in.outputName()) + ": cannot write: " + e.getMessage()); }
                }
            }
            summary.add(o);
            bar.step(in.file().getFileName().toString());
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        summary.print(System.out, seconds, out.toString(), written.get());
        try {
            if (summary.writeIndicators(out.resolve("indicators.csv"))) System.out.println("Indicators per record: " + out.resolve("indicators.csv"));
        } catch (IOException e) {
            err.println("error: " + out.resolve("indicators.csv") + ": cannot write: " + e.getMessage());
        }
        if (structuring.llm() != null) System.out.println("LLM: " + structuring.llm().metrics().snapshot());
        return summary.failedFiles > 0 ? 1 : 0;
    }

    /** Runs the job on every input on up to n threads and waits for all of them. */
    private static void inParallel(int n, List<InputFiles.Input> inputs, java.util.function.Consumer<InputFiles.Input> job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(n, inputs.size())));
        try {
            List<Future<?>> jobs = inputs.stream().<Future<?>>map(in -> pool.submit(() -> job.accept(in))).toList();
            for (Future<?> f : jobs) f.get();
        } finally {
            pool.shutdown();
        }
    }

    private long parseAsOf() {
        if (asOf == null) return System.currentTimeMillis();
        try {
            return Instant.parse(asOf).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new UserError("--as-of: '" + asOf + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
