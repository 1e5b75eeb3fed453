package org.emrqc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.emrqc.kafka.PackZip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/emrqc pack activate validates before it publishes: a pack that does not compile or whose fixtures fail is
 * refused with the reasons (no broker is contacted); a valid one passes (--dry-run: not published).
 */
class PackActivateCommandTest {
    private static final Path CORE = Path.of("..", "rule-packs", "core");

    @TempDir
    Path dir;

    private Path copyCore(String name) throws Exception {
        Path to = dir.resolve(name);
        try (Stream<Path> s = Files.walk(CORE)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(CORE.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return to;
    }

    private static void edit(Path f, String from, String to) throws Exception {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), f + ": " + from);
        Files.writeString(f, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void aPackThatDoesNotCompileIsRefusedWithTheTemplateAndRegion() throws Exception {
        Path p = copyCore("broken");
        Path t = p.resolve("templates/patient-field-missing.drl");
        Files.writeString(t, Files.readString(t) + "\nrule \"broken @{ruleId}\"\nwhen\n    this is not DRL (\nthen\nend\n");
        CliRun r = CliRun.of("pack", "activate", "--bootstrap", "127.0.0.1:1", p.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("refused: core@2026.11.0 is not published"), r.out());
        assertTrue(r.out().contains("templates/patient-field-missing.drl:"), r.out());
        assertTrue(r.out().contains("[compile]"), r.out());
    }

    @Test
    void aPackWhoseFixturesFailIsRefusedWithTheFailingCases() throws Exception {
        Path p = copyCore("fixtures-fail");
        // the fixture now expects the finding on a resource it is not about
        edit(p.resolve("fixtures/incomplete.yaml"), "inpatient-stay-without-first-progress-note.json\n        implicated: Encounter/enc1",
                "inpatient-stay-without-first-progress-note.json\n        implicated: Encounter/enc9");
        byte[] zip = PackZip.zip(p);
        Path archive = dir.resolve("fixtures-fail.zip");
        Files.write(archive, zip);
        CliRun r = CliRun.of("pack", "activate", "--bootstrap", "127.0.0.1:1", archive.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("refused: core@2026.11.0 is not published"), r.out());
        assertTrue(r.out().contains("INC-FPN-MISSING fires on records/incomplete/inpatient-stay-without-first-progress-note.json [CN]"), r.out());
        assertTrue(r.out().contains("fired, but not on Encounter/enc9"), r.out());
        assertTrue(java.util.regex.Pattern.compile("fixtures: \\d+ run, \\d+ passed, 1 failed").matcher(r.out()).find(), r.out());
    }

    @Test
    void aPackThatLoadsNotIsRefusedWithFileAndLine() throws Exception {
        Path p = copyCore("bad-yaml");
        edit(p.resolve("rules/incomplete.yaml"), "minStayHours: 8,", "minStayHours: 8, nonsense: [,");
        CliRun r = CliRun.of("pack", "activate", "--bootstrap", "127.0.0.1:1", p.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("rules/incomplete.yaml:"), r.out());
        assertTrue(r.out().contains("[load]"), r.out());
    }

    @Test
    void theCorePackIsValidAndItsArchiveIsDeterministic() throws Exception {
        CliRun r = CliRun.of("pack", "activate", "--dry-run", "--bootstrap", "127.0.0.1:1", CORE.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(" 0 failed"), r.out());
        assertTrue(r.out().contains("sha256 " + PackZip.sha256(PackZip.zip(CORE))), r.out());
        assertTrue(r.out().contains("--dry-run: not published"), r.out());
        assertArrayEquals(PackZip.zip(CORE), PackZip.zip(CORE));
    }
}
