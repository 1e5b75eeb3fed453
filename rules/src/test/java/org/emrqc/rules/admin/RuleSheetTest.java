package org.emrqc.rules.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.emrqc.model.Severity;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RuleDefinition;
import org.emrqc.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simple rules from a spreadsheet: valid rows become a rules file the pack loads; every bad cell is named. */
class RuleSheetTest {
    static final Path CORE = Path.of("..", "rule-packs", "core");
    static final String HEADER = "id,class,template,severity,points,title_zh,title_en,message_zh,message_en,veto,departments_exclude,param.field\n";

    @TempDir
    Path dir;

    private static RulePack core() { return PackLoader.load(PackSource.directory(CORE)); }

    @Test
    void twoRowsBecomeRulesThePackLoads() throws Exception {
        RulePack pack = core();
        String csv = "\uFEFF" + HEADER
                + "INC-PAT-SEX-LOCAL,incomplete,patient-field-missing,low,1,性别缺失（本院）,Sex missing (local),未记录性别。,Sex not recorded.,false,儿科;新生儿科,gender\n"
                + "INC-PAT-DOB-LOCAL,incomplete,patient-field-missing,moderate,2.5,出生日期缺失（本院）,Birth date missing (local),未记录出生日期。,Birth date not recorded.,,,birthDate\n";
        RuleSheet.Result r = RuleSheet.read(csv.getBytes(StandardCharsets.UTF_8), pack.templates().keySet(), pack.rules().keySet());
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("INC-PAT-SEX-LOCAL", "INC-PAT-DOB-LOCAL"), r.ids());

        // the core pack copied, with the sheet's rules file added to pack.yaml
        Path copy = dir.resolve("core");
        try (Stream<Path> files = Files.walk(CORE)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(CORE.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Files.writeString(copy.resolve("rules/local-sheet.yaml"), r.yaml(), StandardCharsets.UTF_8);
        String packYaml = Files.readString(copy.resolve("pack.yaml"), StandardCharsets.UTF_8)
                .replace("  - rules/untimely.yaml\n", "  - rules/untimely.yaml\n  - rules/local-sheet.yaml\n");
        Files.writeString(copy.resolve("pack.yaml"), packYaml, StandardCharsets.UTF_8);
        RulePack edited = PackLoader.load(PackSource.directory(copy));
        RuleDefinition sex = edited.rules().get("INC-PAT-SEX-LOCAL");
        assertEquals("patient-field-missing", sex.template());
        assertEquals(Severity.LOW, sex.severity());
        assertEquals(1.0, sex.points());
        assertEquals(Map.of("field", "gender"), sex.params());
        assertEquals("性别缺失（本院）", sex.title().zh());
        assertEquals(List.of("儿科", "新生儿科"), sex.departments().exclude());
        assertEquals(2.5, edited.rules().get("INC-PAT-DOB-LOCAL").points());
        assertEquals(pack.rules().size() + 2, edited.rules().size());
    }

    @Test
    void everyBadCellIsNamedByRowAndColumnAndNothingIsWritten() {
        RulePack pack = core();
        String csv = HEADER
                + "INC-PAT-SEX,incomplete,patient-field-missing,low,1,a,b,c,d,,,gender\n"
                + "bad id,wrong,no-such-template,urgent,-1,a,b,c,d,maybe,,x\n"
                + "INC-OK-ONE,incomplete,patient-field-missing,low,1,,b,c,d,,,gender\n";
        RuleSheet.Result r = RuleSheet.read(csv.getBytes(StandardCharsets.UTF_8), pack.templates().keySet(), pack.rules().keySet());
        assertNull(r.yaml());
        assertEquals(List.of(
                "row 2, column A: id INC-PAT-SEX is already defined",
                "row 3, column A: id 'bad id' must look like UNR-BP-RANGE (capitals, digits, hyphens)",
                "row 3, column B: unknown defect class 'wrong' (expected one of incomplete, inconsistent, incorrect, unreasonable, untimely)",
                "row 3, column C: no template 'no-such-template' in the pack",
                "row 3, column D: unknown severity 'urgent' (expected high, moderate or low)",
                "row 3, column E: points '-1' is not a number ≥ 0",
                "row 3, column J: veto must be true or false",
                "row 4, column F: title_zh is required"), r.problems());
    }

    @Test
    void anXlsxSheetReadsLikeTheCsv() throws Exception {
        RulePack pack = core();
        String[][] cells = {
                HEADER.strip().split(","),
                {"INC-PAT-SEX-XLSX", "incomplete", "patient-field-missing", "low", "1", "性别缺失", "Sex missing", "未记录性别。", "Sex not recorded.", "", "", "gender"}};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = wb.createSheet("rules");
            for (int r = 0; r < cells.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) row.createCell(c).setCellValue(cells[r][c]);
            }
            wb.write(out);
        }
        RuleSheet.Result r = RuleSheet.read("本院规则.xlsx", out.toByteArray(), pack.templates().keySet(), pack.rules().keySet());
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("INC-PAT-SEX-XLSX"), r.ids());
        assertTrue(r.yaml().contains("field: gender"), r.yaml());
    }

    @Test
    void aMissingOrUnknownColumnIsNamed() {
        RuleSheet.Result r = RuleSheet.read("id,class,template,colour\nX-Y,incomplete,t,red\n".getBytes(StandardCharsets.UTF_8), Set.of("t"), Set.of());
        assertTrue(r.problems().contains("row 1: missing column 'severity'"), r.problems().toString());
        assertTrue(r.problems().contains("row 1, column D: unknown column 'colour' (param.NAME for a template parameter)"), r.problems().toString());
        assertEquals("AA", RuleSheet.column(26));
    }
}
