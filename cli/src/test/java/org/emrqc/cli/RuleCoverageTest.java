package org.emrqc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.emrqc.model.DefectClass;
import org.emrqc.rules.check.FixtureRunner;
import org.emrqc.rules.engine.RuleBaseCache;
import org.emrqc.rules.pack.DocumentFamily;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/emrqc rules --coverage: checks per document family and defect class on the core pack, and their fixtures. */
class RuleCoverageTest {
    private static final Path CORE = Path.of("..", "rule-packs", "core");
    private static final FamilyTable FAMILIES = FamilyTable.bundled();

    @TempDir
    Path dir;

    private static RuleCoverage coverage(RulePack p, String region) {
        var rules = region == null ? List.copyOf(p.rules().values())
                : EffectiveRuleSet.of(p, region).enabled().stream().map(EffectiveRule::definition).toList();
        return RuleCoverage.of(rules, new FixtureRunner(p, new RuleBaseCache()).cases(), FAMILIES);
    }

    private static DocumentFamily familyOf(RulePack p, String rule) { return FAMILIES.familyOf(p.rules().get(rule)).family(); }

    @Test
    void familiesAreDerivedFromTheDocumentsEventsTemplateAndId() {
        RulePack p = PackLoader.load(PackSource.directory(CORE));
        assertEquals(DocumentFamily.ADMISSION, familyOf(p, "INC-ADM-MISSING"));          // kinds: admission-record, 24 h forms
        assertEquals(DocumentFamily.DEATH, familyOf(p, "INC-DEATH"));                    // death-record first, tie with a 24 h form
        assertEquals(DocumentFamily.PROGRESS, familyOf(p, "TIM-PROG-FREQ"));             // most of its kinds are progress notes
        assertEquals(DocumentFamily.CONSENT, familyOf(p, "INC-CONSENT-SURG"));           // consentKinds before eventKinds
        assertEquals(DocumentFamily.TRANSFER, familyOf(p, "INC-TRANSFER"));
        assertEquals(DocumentFamily.RESULTS, familyOf(p, "UNR-LAB-RANGE"));              // kind: lab
        assertEquals(DocumentFamily.PATIENT, familyOf(p, "INC-PAT-SEX"));                // template
        assertEquals(DocumentFamily.OPERATION, familyOf(p, "ERR-PROC-END-BEFORE-START")); // id word PROC
        assertEquals(FamilyTable.Basis.ID, FAMILIES.familyOf(p.rules().get("ERR-PROC-END-BEFORE-START")).basis());
        assertEquals(DocumentFamily.GENERAL, familyOf(p, "ERR-ENC-END-BEFORE-START"));
        assertEquals(FamilyTable.Basis.DEFAULT, FAMILIES.familyOf(p.rules().get("ERR-SIGNATURE")).basis());
    }

    @Test
    void countsOnTheCorePack() {
        RulePack p = PackLoader.load(PackSource.directory(CORE));
        RuleCoverage all = coverage(p, null);
        assertEquals(p.rules().size(), all.total().rules());
        assertEquals(new RuleCoverage.Count(9, 9), all.cell(DocumentFamily.OPERATION, DefectClass.INCOMPLETE));
        assertEquals(new RuleCoverage.Count(3, 3), all.family(DocumentFamily.CONSULTATION));
        assertEquals(new RuleCoverage.Count(2, 2), all.cell(DocumentFamily.CONSULTATION, DefectClass.UNTIMELY));
        assertEquals(List.of(), all.uncovered());

        RuleCoverage base = coverage(p, "base");
        assertEquals(new RuleCoverage.Count(0, 0), base.family(DocumentFamily.CONSULTATION));
        assertEquals(List.of(DocumentFamily.CONSULTATION, DocumentFamily.RESCUE, DocumentFamily.TRANSFER, DocumentFamily.DISCHARGE, DocumentFamily.DEATH, DocumentFamily.FRONT_SHEET),
                base.uncovered());
    }

    @Test
    void ruleWithoutAFiringFixtureIsNotCovered() {
        RulePack p = PackLoader.load(PackSource.directory(CORE));
        List<FixtureRunner.Case> cases = new FixtureRunner(p, new RuleBaseCache()).cases().stream()
                .filter(c -> !(c.rule().equals("TIM-CONSULT") && c.fires())).toList();
        RuleCoverage c = RuleCoverage.of(List.copyOf(p.rules().values()), cases, FAMILIES);
        assertEquals(new RuleCoverage.Count(3, 2), c.family(DocumentFamily.CONSULTATION));
        assertEquals(List.of("TIM-CONSULT"), c.withoutFixtures().get(DocumentFamily.CONSULTATION));
    }

    @Test
    void tableForARegionNamesTheFamiliesWithoutChecks() {
        CliRun r = CliRun.of("rules", "--coverage", "--region", "base", "--lang", "en");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Check coverage: pack core@2026.11.0, the "), r.out());
        assertTrue(r.out().contains("Families without any check: Consultations, Rescue, Handover and transfer, Discharge records, Death, Front sheet\n"), r.out());
        CliRun zh = CliRun.of("rules", "--coverage");
        assertTrue(zh.out().lines().anyMatch(l -> l.matches("会诊 +1 +- +- +- +2 +3 +3/3 \\(100%\\)")), zh.out());
        assertTrue(zh.out().contains("无任何检查的文书类别：无\n"), zh.out());
    }

    @Test
    void anExplicitFamilyWins() throws IOException {
        try (Stream<Path> files = Files.walk(CORE)) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(CORE.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Path rules = dir.resolve("rules/incomplete.yaml");
        String yaml = Files.readString(rules);
        String from = "  - id: INC-CONSULT\n    class: incomplete\n";
        assertTrue(yaml.contains(from));
        Files.writeString(rules, yaml.replace(from, "  - id: INC-CONSULT\n    family: 通用\n    class: incomplete\n"));

        CliRun r = CliRun.of("rules", "--coverage", "--json", "--pack", dir.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode consult = null;
        for (JsonNode n : json.get("rules")) if (n.get("id").asText().equals("INC-CONSULT")) consult = n;
        assertEquals("general", consult.get("family").asText());
        assertEquals("explicit", consult.get("familyFrom").asText());
        for (JsonNode n : json.get("families")) {
            if (n.get("family").asText().equals("consultation")) {
                assertEquals(2, n.get("rules").asInt());
                assertEquals(0, n.get("byClass").get("incomplete").asInt());
                assertEquals(2, n.get("byClass").get("untimely").asInt());
            }
        }
        assertTrue(json.get("region").isNull());
    }
}
