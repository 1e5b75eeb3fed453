package org.emrqc.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.emrqc.rules.engine.RuleBaseCompiler;
import org.emrqc.rules.pack.DocumentFamily;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken pack is rejected with the file, the line and what is wrong. */
class PackLoaderErrorsTest {
    @TempDir
    Path dir;

    private Path copyOfCore() throws IOException {
        try (Stream<Path> files = Files.walk(TestPacks.CORE_DIR)) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(TestPacks.CORE_DIR.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        return dir;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertTrue(s.contains(from), "test setup: " + from);
        Files.writeString(file, s.replace(from, to));
    }

    private PackException loadFails() {
        return assertThrows(PackException.class, () -> PackLoader.load(PackSource.directory(dir)));
    }

    @Test
    void unknownFieldInAnOverlayNamesFileAndLine() throws IOException {
        Path gd = copyOfCore().resolve("regions/CN-GD.yaml");
        replace(gd, "    severity: high\n    veto: true", "    severty: high\n    veto: true");
        assertTrue(loadFails().getMessage().startsWith("regions/CN-GD.yaml: line 20: unknown field 'severty'"), loadFails().getMessage());
    }

    @Test
    void overlayNamingAnUndefinedRule() throws IOException {
        replace(copyOfCore().resolve("regions/CN-BJ.yaml"), "  - UNR-LAB-NO-DX", "  - UNR-LAB-NO-DXX");
        assertEquals("regions/CN-BJ.yaml: rule 'UNR-LAB-NO-DXX' is not defined in the pack", loadFails().getMessage());
    }

    @Test
    void overlayParameterThatTheRuleDoesNotHave() throws IOException {
        replace(copyOfCore().resolve("regions/CN-GD.yaml"), "params: {limitHours: 24}", "params: {limitHour: 24}");
        RulePack p = PackLoader.load(PackSource.directory(dir));
        PackException e = assertThrows(PackException.class, () -> EffectiveRuleSet.of(p, "CN-GD"));
        assertEquals("regions/CN-GD.yaml: rule TIM-ATT-ROUND: unknown parameter 'limitHour' (the rule has [kinds, limitHours, waivedBy])", e.getMessage());
    }

    @Test
    void ruleWithUnknownDefectClass() throws IOException {
        replace(copyOfCore().resolve("rules/unreasonable.yaml"), "  - id: UNR-DOSE\n    class: unreasonable", "  - id: UNR-DOSE\n    class: unreasonabel");
        assertEquals("rules/unreasonable.yaml: rule UNR-DOSE: unknown defect class 'unreasonabel' (expected one of incomplete, inconsistent, incorrect, unreasonable, untimely)",
                loadFails().getMessage());
    }

    @Test
    void ruleWithUnknownFamilyNamesFileAndLine() throws IOException {
        replace(copyOfCore().resolve("rules/unreasonable.yaml"), "  - id: UNR-DOSE\n    class: unreasonable", "  - id: UNR-DOSE\n    family: dosing\n    class: unreasonable");
        PackException e = loadFails();
        assertTrue(e.getMessage().startsWith("rules/unreasonable.yaml: line 51: unknown family 'dosing' (one of admission 入院记录, progress 病程记录, "), e.getMessage());
    }

    @Test
    void ruleFamilyByCodeOrChineseName() throws IOException {
        Path file = copyOfCore().resolve("rules/unreasonable.yaml");
        replace(file, "  - id: UNR-DOSE\n    class: unreasonable", "  - id: UNR-DOSE\n    family: 医嘱\n    class: unreasonable");
        replace(file, "  - id: UNR-PATIENT-AGE\n    class: unreasonable", "  - id: UNR-PATIENT-AGE\n    family: patient\n    class: unreasonable");
        RulePack p = PackLoader.load(PackSource.directory(dir));
        assertEquals(DocumentFamily.ORDERS, p.rules().get("UNR-DOSE").family());
        assertEquals(DocumentFamily.PATIENT, p.rules().get("UNR-PATIENT-AGE").family());
        assertEquals(null, p.rules().get("UNR-LAB-RANGE").family());
    }

    @Test
    void knowledgeRowWithMissingColumns() throws IOException {
        Path csv = copyOfCore().resolve("knowledge/lab-diagnoses.csv");
        Files.writeString(csv, Files.readString(csv) + "2823-3,mmol/L\n");
        PackException e = loadFails();
        assertTrue(e.getMessage().startsWith("knowledge/lab-diagnoses.csv: line 12: "), e.getMessage());
    }

    @Test
    void drlErrorNamesTheTemplate() throws IOException {
        replace(copyOfCore().resolve("templates/condition-uncoded.drl"), "coded == false )", "coded == false ");
        RulePack p = PackLoader.load(PackSource.directory(dir));
        PackException e = assertThrows(PackException.class, () -> new RuleBaseCompiler().compile(EffectiveRuleSet.of(p, "base")));
        assertTrue(e.getMessage().startsWith("rule pack core@2026.11.0 for region base does not compile:\n  templates/condition-uncoded.drl: line "), e.getMessage());
    }
}
