package org.emrqc.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.emrqc.model.PatientRecord;
import org.emrqc.rules.bench.SyntheticPack;
import org.emrqc.rules.bench.SyntheticRecords;
import org.emrqc.rules.engine.CompiledRuleBase;
import org.emrqc.rules.engine.RecordEvaluator;
import org.emrqc.rules.engine.RuleBaseCompiler;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Generates a pack of N rule instances (the core templates and rules over generated knowledge rows), builds it, and evaluates records of about 150 facts on one thread.")
final class BenchRulesCommand implements Callable<Integer> {
    @Option(names = "--instances", required = true, paramLabel = "N", description = "Rule instances (knowledge rows) to generate.")
    int instances;

    @Option(names = "--region", defaultValue = "CN", description = "Region to compile. Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--records", defaultValue = "2000", description = "Distinct records to generate. Default: ${DEFAULT-VALUE}.")
    int records;

    @Option(names = "--defect-rate", defaultValue = "0.02", description = "Share of facts that carry a defect. Default: ${DEFAULT-VALUE}.")
    double defectRate;

    @Option(names = "--seconds", defaultValue = "10", description = "How long to measure evaluation. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Override
    public Integer call() {
        if (instances < 10) throw new UserError("--instances must be at least 10");
        long heap0 = Heap.usedAfterGc();
        long t0 = System.nanoTime();
        SyntheticPack source = new SyntheticPack(PackSource.classpath("emrqc/packs/core"), instances);
        RulePack pack = PackLoader.load(source);
        source.release();
        CompiledRuleBase base = new RuleBaseCompiler().compile(EffectiveRuleSet.of(pack, region));
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        long heap1 = Heap.usedAfterGc();
        double retainedMb = (heap1 - heap0) / 1048576.0;
        int rows = base.ruleSet().knowledge().instanceCount();
        System.out.printf(Locale.ROOT, "pack: %d generated instances (%d knowledge rows in all), %d DRL rules for region %s%n",
                instances, rows, base.ruleSet().enabled().size(), region);
        System.out.printf(Locale.ROOT, "build: %.2f s (load + compile), retained heap %.1f MB%n", buildSeconds, retainedMb);

        List<PatientRecord> recs = SyntheticRecords.generate(source, records, 7, defectRate);
        int facts = recs.stream().mapToInt(r -> r.getFacts().size()).sum() / recs.size();
        RecordEvaluator evaluator = new RecordEvaluator();
        long now = 1_800_000_000_000L;
        long findings = 0;
        java.util.Map<String, Integer> byRule = new java.util.TreeMap<>();
        for (int i = 0; i < Math.min(recs.size(), 2000); i++) {
            for (var f : evaluator.evaluate(base, recs.get(i), now, region).findings()) byRule.merge(f.ruleId(), 1, Integer::sum);
        }
        System.out.println("findings per rule in the first " + Math.min(recs.size(), 2000) + " records: " + byRule);
        long n = 0;
        findings = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            findings += evaluator.evaluate(base, recs.get((int) (n % recs.size())), now, region).findings().size();
            n++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rps = n / elapsed;
        System.out.printf(Locale.ROOT, "eval: %d records of %d facts in %.1f s on one thread: %.0f records/s (%.2f ms/record), %.1f findings/record%n",
                n, facts, elapsed, rps, 1000 / rps, findings / (double) n);
        System.out.printf(Locale.ROOT, "{\"instances\": %d, \"build_seconds\": %.2f, \"retained_heap_mb\": %.1f, \"records_per_second\": %.0f, \"facts_per_record\": %d, \"findings_per_record\": %.1f, \"drl_rules\": %d, \"region\": \"%s\"}%n",
                instances, buildSeconds, retainedMb, rps, facts, findings / (double) n, base.ruleSet().enabled().size(), region);
        return 0;
    }
}
