package org.emrqc.cli;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.rules.check.FileOutcome;
import org.emrqc.rules.check.RecordChecker;
import org.emrqc.rules.engine.CompiledRuleBase;
import org.emrqc.rules.engine.RuleBaseCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Measures check end to end on one thread over the given files (read + HAPI parse + facts, then rules), beside parsing the same files with HAPI alone. Writes nothing.")
final class BenchCheckCommand implements Callable<Integer> {
    @Mixin
    PackOptions pack;

    @Mixin
    StructuringOptions structuring;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured passes over the files (after one warm-up pass). Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Override
    public Integer call() {
        InputFiles inputs = InputFiles.collect(paths);
        if (inputs.inputs.isEmpty()) throw new UserError("no FHIR files found in " + paths);
        var rulePack = pack.load();
        CompiledRuleBase base = new RuleBaseCache().get(rulePack, pack.region);
        RecordChecker checker = new RecordChecker(base, pack.region, ZoneOffset.UTC, FhirInputReader.DEFAULT_MAX_BYTES).withStage(structuring.stage(rulePack));
        FhirInputReader reader = new FhirInputReader();
        long now = System.currentTimeMillis();
        pass(checker, inputs, now);
        parseOnly(reader, inputs);
        long records = 0;
        long resources = 0;
        long parse = 0;
        long rules = 0;
        long structure = 0;
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (InputFiles.Input in : inputs.inputs) {
                FileOutcome o = checker.check(in.file(), now);
                records += o.results().size();
                resources += o.resources();
                parse += o.parseNanos();
                rules += o.ruleNanos();
                structure += o.structureNanos();
            }
        }
        double checkSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        long parsedRecords = 0;
        for (int r = 0; r < rounds; r++) parsedRecords += parseOnly(reader, inputs);
        double parseSeconds = (System.nanoTime() - t1) / 1e9;
        double rps = records / checkSeconds;
        double parseRps = parsedRecords / parseSeconds;
        System.out.printf(Locale.ROOT, "check: %d records (%,d resources) in %.2f s: %.1f records/s, %.0f resources/s; parse+facts %.2f s, narrative %.2f s, rules %.2f s%n",
                records, resources, checkSeconds, rps, resources / checkSeconds, parse / 1e9, structure / 1e9, rules / 1e9);
        System.out.printf(Locale.ROOT, "HAPI parse only: %d inputs in %.2f s: %.1f inputs/s%n", parsedRecords, parseSeconds, parseRps);
        System.out.printf(Locale.ROOT, "{\"files\": %d, \"records\": %d, \"records_per_second\": %.1f, \"parse_seconds\": %.2f, \"narrative_seconds\": %.2f, \"rule_seconds\": %.2f, \"parse_only_records_per_second\": %.1f, \"region\": \"%s\"}%n",
                inputs.inputs.size(), records / rounds, rps, parse / 1e9, structure / 1e9, rules / 1e9, parseRps, pack.region);
        return 0;
    }

    private static void pass(RecordChecker checker, InputFiles inputs, long now) {
        for (InputFiles.Input in : inputs.inputs) checker.check(in.file(), now);
    }

    private static long parseOnly(FhirInputReader reader, InputFiles inputs) {
        long n = 0;
        for (InputFiles.Input in : inputs.inputs) {
            for (ParsedInput u : reader.read(in.file())) if (u.ok()) n++;
        }
        return n;
    }
}
