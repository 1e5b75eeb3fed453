package org.emrqc.rules.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackValidatorTest {
    private static final PackValidator WITH_STAGE = new PackValidator(AdminPacks::stage);

    @Test
    void corePackIsValid() {
        ValidationReport r = WITH_STAGE.validate(AdminPacks.core());
        System.out.println("validate core pack (with the structuring stage): " + r.summary());
        r.compiles().forEach(c -> System.out.println("  compile " + c));
        System.out.println("  fixtures " + r.fixtures().millis() + " ms");
        assertEquals(List.of(), r.problems());
        assertTrue(r.ok());
        assertEquals("core@2026.11.0", r.pack());
        assertEquals(AdminPacks.core().sha256(), r.sha256());
        assertEquals(5, r.regions());
        assertEquals(List.of("base", "CN", "CN-GD", "CN-BJ", "US"), r.compiles().stream().map(ValidationReport.RegionCompile::region).toList());
        assertTrue(r.compiles().stream().allMatch(ValidationReport.RegionCompile::ok));
        assertEquals(0, r.fixtures().failed());
        assertEquals(0, r.fixtures().skipped());
        assertEquals(r.fixtures().run(), r.fixtures().passed());
        assertTrue(r.fixtures().run() > 100, "cases run: " + r.fixtures().run());
    }

    @Test
    void withoutAStageNarrativeFixturesAreSkippedAndSaidSo() {
        ValidationReport r = new PackValidator().validate(AdminPacks.core());
        assertTrue(r.ok(), r.summary());
        assertTrue(r.fixtures().skipped() > 0);
        assertEquals(List.of(r.fixtures().skipped() + " fixture cases of narrative rules skipped: no structuring stage was given"), r.notes());
    }

    @Test
    void brokenTemplateIsReportedAtItsFileAndLine() {
        PackArchive a = AdminPacks.replace(AdminPacks.core(), "templates/condition-uncoded.drl", "coded == false )", "coded == false ");
        ValidationReport r = new PackValidator(null, false).validate(a);
        assertFalse(r.ok());
        System.out.println(r.summary());
        assertEquals(1, r.problems().size(), r.summary());
        Problem p = r.problems().get(0);
        assertEquals("templates/condition-uncoded.drl", p.file());
        assertEquals("compile", p.stage());
        assertEquals(Integer.valueOf(7), p.line(), p.message());
        assertEquals("rule INC-COND-CODE: [ERR 102] mismatched input 'exists' in rule \"INC-COND-CODE\" [regions base, CN, CN-GD, CN-BJ, US]", p.message());
        assertTrue(p.message().endsWith("[regions base, CN, CN-GD, CN-BJ, US]"), p.message());
        assertTrue(r.compiles().stream().noneMatch(ValidationReport.RegionCompile::ok));
    }

    @Test
    void failingFixtureRejectsThePackNamingTheCase() {
        PackArchive a = AdminPacks.replace(AdminPacks.core(), "regions/CN-GD.yaml", "params: {limitHours: 24}", "params: {limitHours: 12}");
        ValidationReport r = new PackValidator().validate(a);
        assertFalse(r.ok());
        assertEquals(List.of("TIM-ATT-ROUND is silent on records/untimely/attending-first-round-signed-23h-after-admission.json [CN-GD]"),
                r.fixtures().failedCases());
        assertEquals(1, r.problems().size(), r.summary());
        Problem p = r.problems().get(0);
        assertEquals("fixtures/untimely.yaml", p.file());
        assertEquals(Integer.valueOf(62), p.line());
        assertEquals("fixtures", p.stage());
        assertTrue(p.message().startsWith("TIM-ATT-ROUND is silent on records/untimely/attending-first-round-signed-23h-after-admission.json [CN-GD]: expected no finding, got [TIM-ATT-ROUND"), p.message());
    }

    @Test
    void loadErrorsKeepFileAndLine() {
        PackArchive a = AdminPacks.replace(AdminPacks.core(), "regions/CN-GD.yaml", "    severity: high\n    veto: true", "    severty: high\n    veto: true");
        ValidationReport r = new PackValidator().validate(a);
        assertFalse(r.ok());
        assertEquals(1, r.problems().size());
        Problem p = r.problems().get(0);
        assertEquals("regions/CN-GD.yaml", p.file());
        assertEquals(Integer.valueOf(20), p.line());
        assertEquals("load", p.stage());
        assertTrue(p.message().startsWith("unknown field 'severty'"), p.message());
        assertEquals(null, r.pack());
    }

    @Test
    void metadataVersionFormat() {
        PackArchive a = AdminPacks.replace(AdminPacks.core(), "pack.yaml", "version: 2026.11.0", "version: next");
        ValidationReport r = new PackValidator(null, false).validate(a);
        assertEquals(List.of(new Problem("pack.yaml", null,
                "version 'next' is not of the form MAJOR.MINOR.PATCH with an optional -suffix (e.g. 2026.11.0, 2026.11.1-h001)", "metadata")), r.problems());
    }

    @Test
    void parameterOfTheWrongKindAndUnknownParameter() {
        PackArchive a = AdminPacks.replace(AdminPacks.core(), "regions/CN-GD.yaml", "params: {limitHours: 72}", "params: {limitHours: soon}");
        ValidationReport r = new PackValidator(null, false).validate(a);
        Problem p = r.problems().get(0);
        assertEquals(new Problem("regions/CN-GD.yaml", 18, "rule TIM-SENIOR-ROUND: parameter limitHours is a number in the pack (72), not a text (soon)", "parameters"), p);
        PackArchive b = AdminPacks.replace(AdminPacks.core(), "regions/CN-GD.yaml", "params: {limitHours: 24}", "params: {limitHour: 24}");
        ValidationReport rb = new PackValidator(null, false).validate(b);
        assertEquals(new Problem("regions/CN-GD.yaml", 15, "rule TIM-ATT-ROUND: unknown parameter 'limitHour' (the rule has [kinds, limitHours, waivedBy])", "parameters"),
                rb.problems().get(0));
        assertEquals(List.of("base", "CN", "CN-BJ", "US"), rb.compiles().stream().filter(ValidationReport.RegionCompile::ok).map(ValidationReport.RegionCompile::region).toList());
    }

    @Test
    void badArchiveNeverThrows() {
        ValidationReport r = new PackValidator().validate("not a zip".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new Problem(null, null, "the archive holds no files (is it a zip?)", "archive")), r.problems());
        ValidationReport empty = new PackValidator().validate(PackArchive.of(java.util.Map.of("README.md", new byte[0])));
        assertEquals("load", empty.problems().get(0).stage());
        assertEquals("pack.yaml", empty.problems().get(0).file());
    }
}
