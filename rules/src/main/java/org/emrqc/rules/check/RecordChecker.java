package org.emrqc.rules.check;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.InputProblem;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.fhir.RecordAssembler;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.RecordResult;
import org.emrqc.rules.engine.CompiledRuleBase;
import org.emrqc.rules.engine.RecordEvaluator;

/**
 * Checks inputs against one compiled rule base: reads (HAPI), assembles patient records, evaluates each. A unit
 * that cannot be read and a record whose evaluation fails are reported as problems; everything else goes on.
 * Thread-safe: one instance may serve several threads.
 */
public final class RecordChecker {
    private final CompiledRuleBase base;
    private final String region;
    private final FhirInputReader reader;
    private final RecordAssembler assembler;
    private final RecordEvaluator evaluator = new RecordEvaluator();
    private final ZoneId zone;

    private RecordStage stage = RecordStage.NONE;
    private org.emrqc.rules.engine.BatchPeers peers = org.emrqc.rules.engine.BatchPeers.NONE;

    /** Compares each record with the other records of its batch (collected beforehand, see {@link #collectPeers}). */
    public RecordChecker withPeers(org.emrqc.rules.engine.BatchPeers peers) {
        this.peers = peers == null ? org.emrqc.rules.engine.BatchPeers.NONE : peers;
        return this;
    }

    /**
     * Reads one file of a batch and keeps the sections its records share with the batch ({@link
     * org.emrqc.rules.engine.BatchPeers}), after {@code sections} (a stage that finds sections) has run; problems
     * are left to the check itself. Returns the number of records read.
     */
    public int collectPeers(Path file, org.emrqc.rules.engine.BatchPeers into, RecordStage sections) {
        List<ParsedInput.Entry> entries = new ArrayList<>();
        for (ParsedInput u : reader.read(file)) if (u.ok()) entries.addAll(u.entries());
        if (entries.isEmpty()) return 0;
        List<PatientRecord> records = assembler.assemble(file.toString(), entries);
        for (PatientRecord r : records) {
            try {
                sections.apply(r);
                into.add(r, base.ruleSet());
            } catch (RuntimeException e) {
                // the check reports what is wrong with the record; here it only adds nothing to the batch
            }
        }
        return records.size();
    }

    /** Adds a stage (the structuring stage) that runs on each record before its rules. */
    public RecordChecker withStage(RecordStage stage) {
        this.stage = stage;
        return this;
    }

    public RecordChecker(CompiledRuleBase base, String region, ZoneId zone, long maxBytes) {
        this.base = base;
        this.region = region;
        this.reader = new FhirInputReader(maxBytes);
        this.assembler = new RecordAssembler(zone);
        this.zone = zone;
    }

    public CompiledRuleBase base() { return base; }

    /** Checks one file: a JSON resource or bundle, or NDJSON whose lines together form the records. */
    public FileOutcome check(Path file, long asOf) {
        long t0 = System.nanoTime();
        List<ParsedInput> units = reader.read(file);
        List<InputProblem> problems = new ArrayList<>();
        List<ParsedInput.Entry> entries = new ArrayList<>();
        for (ParsedInput u : units) {
            problems.addAll(u.problems());
            if (u.ok()) entries.addAll(u.entries());
        }
        return evaluate(file.toString(), entries, problems, asOf, t0);
    }

    /** Checks one already-read unit (a message body, a fixture). */
    public FileOutcome check(ParsedInput unit, long asOf) {
        return check(unit, asOf, stage);
    }

    /**
     * Checks one already-read unit with another stage in place of this checker's own, e.g. one that adds
     * extractions made earlier by the pipeline's structuring stage instead of extracting again.
     */
    public FileOutcome check(ParsedInput unit, long asOf, RecordStage stage) {
        long t0 = System.nanoTime();
        List<InputProblem> problems = new ArrayList<>(unit.problems());
        return evaluate(unit.source(), unit.ok() ? unit.entries() : List.of(), problems, asOf, t0, stage);
    }

    private FileOutcome evaluate(String source, List<ParsedInput.Entry> entries, List<InputProblem> problems, long asOf, long t0) {
        return evaluate(source, entries, problems, asOf, t0, stage);
    }

    private FileOutcome evaluate(String source, List<ParsedInput.Entry> entries, List<InputProblem> problems, long asOf, long t0, RecordStage stage) {
        List<PatientRecord> records = entries.isEmpty() ? List.of() : assembler.assemble(source, entries);
        long t1 = System.nanoTime();
        long structure = 0;
        List<RecordResult> results = new ArrayList<>();
        for (PatientRecord r : records) {
            try {
                long s0 = System.nanoTime();
                stage.apply(r);
                structure += System.nanoTime() - s0;
                results.add(evaluator.evaluate(base, r, asOf, region, zone, peers.forRecord(r)));
            } catch (RuntimeException e) {
                String who = r.getPatientRef() == null ? "the record" : r.getPatientRef();
                problems.add(InputProblem.error(source, who, "rule evaluation failed: " + rootMessage(e)));
            }
        }
        return new FileOutcome(source, results, problems, entries.size(), t1 - t0, structure, System.nanoTime() - t1 - structure);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        String msg = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) msg = msg + " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
        }
        return msg;
    }
}
