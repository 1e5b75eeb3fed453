package org.emrqc.rules.check;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.InputProblem;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.fhir.RecordAssembler;
import org.emrqc.model.Finding;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.RecordResult;
import org.emrqc.rules.engine.RecordEvaluator;
import org.emrqc.rules.engine.RuleBaseCache;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.RulePack;

/**
 * Runs a pack's rule fixtures: records each rule must fire on (with the resource it must implicate) and
 * records it must not fire on, per region. Used by the test suite and by pack validation.
 */
public final class FixtureRunner {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RulePack pack;
    private final RuleBaseCache cache;
    private final RecordEvaluator evaluator = new RecordEvaluator();
    private final FhirInputReader reader = new FhirInputReader();

    private final RecordStage stage;

    public FixtureRunner(RulePack pack, RuleBaseCache cache) {
        this(pack, cache, RecordStage.NONE);
    }

    /** @param stage the structuring stage, so narrative rules see their mentions */
    public FixtureRunner(RulePack pack, RuleBaseCache cache, RecordStage stage) {
        this.pack = pack;
        this.cache = cache;
        this.stage = stage;
    }

    /** One expectation: a rule must (or must not) fire on a fixture record in a region. */
    /**
     * One fixture case. For a firing case: the resource the finding must implicate, its severity, text an evidence span
     * must quote, a resource among its evidence, and text its Chinese message must contain (each optional).
     */
    public record Case(String rule, String region, String file, boolean fires, String implicated, String severity, String quote, String source,
                       String evidence, String message, String zone) {
        public Case(String rule, String region, String file, boolean fires, String implicated, String severity, String quote, String source) {
            this(rule, region, file, fires, implicated, severity, quote, source, null, null, null);
        }

        /** The hospital's zone the case is evaluated in (a stated 09:35 is local time there); UTC when the case names none. */
        public java.time.ZoneId zoneId() { return zone == null ? ZoneOffset.UTC : java.time.ZoneId.of(zone); }

        public String name() { return rule + " " + (fires ? "fires on " : "is silent on ") + file + " [" + region + "]"; }
    }

    /** The outcome of one case: null failure means it passed. */
    public record Outcome(Case c, String failure, List<Finding> findings) {
        public boolean passed() { return failure == null; }
    }

    /** Every case of every fixture file the pack lists. */
    public List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String f : pack.fixtures()) {
            FixtureDoc doc;
            try {
                doc = YAML.readValue(pack.source().read(f), FixtureDoc.class);
            } catch (Exception e) {
                throw new PackException(f + ": " + e.getMessage());
            }
            for (CaseDoc c : doc.cases) {
                if (!pack.rules().containsKey(c.rule)) throw new PackException(f + ": fixture for unknown rule '" + c.rule + "'");
                for (ExpectDoc e : c.fires) out.add(new Case(c.rule, c.region, e.file, true, e.implicated, e.severity, e.quote, f, e.evidence, e.message, c.zone));
                for (ExpectDoc e : c.silent) out.add(new Case(c.rule, c.region, e.file, false, null, null, null, f, null, null, c.zone));
            }
        }
        return out;
    }

    /** Fixtures are evaluated as of this time, so "future" and "open stay" rules are reproducible. */
    public static final long AS_OF = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    public Outcome run(Case c) {
        EffectiveRuleSet set = EffectiveRuleSet.of(pack, c.region());
        EffectiveRule rule = set.rules().get(c.rule());
        if (!rule.enabled()) return new Outcome(c, "rule " + c.rule() + " is not enabled in region " + c.region(), List.of());
        String text = pack.source().read("fixtures/" + c.file());
        List<Finding> findings = new ArrayList<>();
        ParsedInput in = reader.parse("fixtures/" + c.file(), text.getBytes(StandardCharsets.UTF_8));
        if (!in.ok()) return new Outcome(c, "fixture does not parse: " + in.problems().stream().map(InputProblem::toString).toList(), List.of());
        java.time.ZoneId zone;
        try {
            zone = c.zoneId();
        } catch (java.time.DateTimeException e) {
            return new Outcome(c, "unknown zone '" + c.zone() + "'", List.of());
        }
        // the records of one fixture file are a batch: each is compared with the others (copied-across-patients)
        List<PatientRecord> records = new RecordAssembler(zone).assemble(in.source(), in.entries());
        org.emrqc.rules.engine.CompiledRuleBase base = cache.get(pack, c.region());
        org.emrqc.rules.engine.BatchPeers peers = org.emrqc.rules.engine.BatchPeers.forRules(base.ruleSet());
        for (PatientRecord r : records) {
            stage.apply(r);
            if (records.size() > 1) peers.add(r, base.ruleSet());
        }
        for (PatientRecord r : records) {
            RecordResult res = evaluator.evaluate(base, r, AS_OF, c.region(), zone, peers.forRecord(r));
            findings.addAll(res.findings());
        }
        List<Finding> mine = findings.stream().filter(f -> f.ruleId().equals(c.rule())).toList();
        if (!c.fires()) {
            return new Outcome(c, mine.isEmpty() ? null : "expected no finding, got " + describe(mine), findings);
        }
        if (mine.isEmpty()) return new Outcome(c, "expected a finding, got none (other findings: " + describe(findings) + ")", findings);
        for (Finding f : mine) {
            if (c.implicated() != null && !f.implicated().contains(c.implicated())) continue;
            if (f.defectClass() != rule.definition().defectClass()) return new Outcome(c, "defect class " + f.defectClass() + " != " + rule.definition().defectClass(), findings);
            String expectedSeverity = c.severity() != null ? c.severity() : rule.severity().code();
            if (!f.severity().code().equals(expectedSeverity)) return new Outcome(c, "severity " + f.severity().code() + " != " + expectedSeverity, findings);
            if (c.quote() != null && f.spans().stream().noneMatch(s -> c.quote().equals(s.quote()))) {
                return new Outcome(c, "no evidence span quotes \"" + c.quote() + "\": " + f.spans().stream().map(s -> s.quote()).toList(), findings);
            }
            if (c.evidence() != null && !f.evidence().contains(c.evidence())) {
                return new Outcome(c, "evidence " + f.evidence() + " does not hold " + c.evidence(), findings);
            }
            if (c.message() != null && (f.detailZh() == null || !f.detailZh().contains(c.message()))) {
                return new Outcome(c, "message \"" + f.detailZh() + "\" does not contain \"" + c.message() + "\"", findings);
            }
            return new Outcome(c, null, findings);
        }
        return new Outcome(c, "fired, but not on " + c.implicated() + ": " + describe(mine), findings);
    }

    /** Rules of the pack without at least one firing and one silent fixture. */
    public Map<String, String> coverageGaps() {
        Map<String, int[]> counts = new TreeMap<>();
        pack.rules().keySet().forEach(id -> counts.put(id, new int[2]));
        for (Case c : cases()) counts.get(c.rule())[c.fires() ? 0 : 1]++;
        Map<String, String> gaps = new TreeMap<>();
        counts.forEach((id, n) -> {
            if (n[0] == 0 || n[1] == 0) gaps.put(id, (n[0] == 0 ? "no firing fixture " : "") + (n[1] == 0 ? "no silent fixture" : ""));
        });
        return gaps;
    }

    private static String describe(List<Finding> fs) {
        return fs.stream().map(f -> f.ruleId() + f.implicated()).toList().toString();
    }

    static final class FixtureDoc {
        public List<CaseDoc> cases = List.of();
    }

    static final class CaseDoc {
        public String rule;
        public String region = "base";
        /** The zone the records are read in (times stated in a note's text are local); UTC when absent. */
        public String zone;
        public List<ExpectDoc> fires = List.of();
        public List<ExpectDoc> silent = List.of();
    }

    static final class ExpectDoc {
        public String file;
        public String implicated;
        public String severity;
        /** An evidence span of the finding must quote exactly this text. */
        public String quote;
        /** A resource ("Type/id") the finding must hold among its evidence. */
        public String evidence;
        /** Text the finding's Chinese message must contain. */
        public String message;
    }
}
