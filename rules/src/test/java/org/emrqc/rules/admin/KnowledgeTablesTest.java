package org.emrqc.rules.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.Row;
import org.emrqc.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

class KnowledgeTablesTest {
    private static final PackArchive CORE = AdminPacks.core();
    private static final String RANGES = "knowledge/plausible-ranges.csv";

    private static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void csvUploadAddsARow() {
        String csv = CORE.text(RANGES) + "99999-9,Test analyte,lab,mmol/L,0.5,60,test row\n";
        KnowledgeTables.Replaced r = KnowledgeTables.replace(CORE, "plausible-ranges", KnowledgeTables.fromCsv(b("\uFEFF" + csv)));
        assertEquals(RANGES, r.file());
        assertEquals(r.rowsBefore() + 1, r.rowsAfter());
        RulePack p = PackLoader.load(r.archive().source());
        List<Row> rows = EffectiveRuleSet.of(p, "base").knowledge().rows("plausible-ranges", "99999-9", "mmol/L");
        assertEquals(1, rows.size());
        assertEquals(60.0, rows.get(0).num("high"));
    }

    @Test
    void sameTableWrittenBackLoadsTheSameRows() {
        KnowledgeTables.Replaced r = KnowledgeTables.replace(CORE, "lab-diagnoses", KnowledgeTables.fromCsv(CORE.files().get("knowledge/lab-diagnoses.csv")));
        RulePack before = PackLoader.load(CORE.source());
        RulePack after = PackLoader.load(r.archive().source());
        assertEquals(before.knowledge().get("lab-diagnoses").rows().stream().map(Row::values).toList(),
                after.knowledge().get("lab-diagnoses").rows().stream().map(Row::values).toList());
    }

    @Test
    void wrongHeaderNamesTheColumn() {
        String csv = "code,display,kind,units,low,high,note\n8310-5,Body temperature,vital,Cel,34,43,x\n";
        KnowledgeTables.KnowledgeTableException e = assertThrows(KnowledgeTables.KnowledgeTableException.class,
                () -> KnowledgeTables.replace(CORE, "plausible-ranges", KnowledgeTables.fromCsv(b(csv), "ranges.csv"), "ranges.csv"));
        assertEquals("""
                row 1, column 4 'units': not a column of the table (table plausible-ranges has code, display, kind, unit, low, high, note)
                row 1, column 'unit' is missing (table plausible-ranges has code, display, kind, unit, low, high, note)""", e.getMessage());
        assertEquals(new Problem("ranges.csv", 1, "column 4 'units': not a column of the table (table plausible-ranges has code, display, kind, unit, low, high, note)",
                "knowledge"), e.problems().get(0));
    }

    @Test
    void badRowsNameRowAndColumn() {
        String csv = "code,display,kind,unit,low,high,note\n8310-5,Body temperature,vital,Cel,34,43,x\n,Heart rate,vital,/min,20,250,\n8867-4,Heart rate,vital,/min,20,lots,\n";
        KnowledgeTables.KnowledgeTableException e = assertThrows(KnowledgeTables.KnowledgeTableException.class,
                () -> KnowledgeTables.replace(CORE, "plausible-ranges", KnowledgeTables.fromCsv(b(csv))));
        assertEquals("row 3, column 'code': the key column is empty\nrow 4, column 'high': 'lots' is not a number (the column holds numbers)", e.getMessage());
        KnowledgeTables.KnowledgeTableException wide = assertThrows(KnowledgeTables.KnowledgeTableException.class,
                () -> KnowledgeTables.fromCsv(b("a,b\n1,2\n1,2,3\n")));
        assertEquals("row 3, column 3: a value beyond the header's 2 columns", wide.getMessage());
        assertEquals("row 1, column 2 'a': the column appears twice",
                assertThrows(KnowledgeTables.KnowledgeTableException.class, () -> KnowledgeTables.fromCsv(b("a,a\n1,2\n"))).getMessage());
        assertEquals("knowledge table 'ranges' is not in the pack (tables: document-types, plausible-ranges, analyte-units, sex-restricted-codes, "
                + "age-restricted-codes, drug-ingredients, dose-limits, allergy-ingredients, ingredient-names, lab-diagnoses, symptom-terms, practitioner-titles, act-kinds, drug-classes, indicators, diagnosis-synonyms)",
                assertThrows(InvalidEditException.class, () -> KnowledgeTables.replace(CORE, "ranges", KnowledgeTables.fromCsv(b("a\n1\n")))).getMessage());
    }

    @Test
    void xlsxUpload() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet("ranges");
            String[] header = {"code", "display", "kind", "unit", "low", "high", "note"};
            XSSFRow h = s.createRow(0);
            for (int i = 0; i < header.length; i++) h.createCell(i).setCellValue(header[i]);
            XSSFRow r1 = s.createRow(1);
            r1.createCell(0).setCellValue("8310-5");
            r1.createCell(1).setCellValue("Body temperature");
            r1.createCell(2).setCellValue("vital");
            r1.createCell(3).setCellValue("Cel");
            r1.createCell(4).setCellValue(34);
            r1.createCell(5).setCellValue(43.5);
            // row 3 left blank: skipped
            XSSFRow r3 = s.createRow(3);
            r3.createCell(0).setCellValue("8867-4");
            r3.createCell(1).setCellValue("Heart rate");
            r3.createCell(2).setCellValue("vital");
            r3.createCell(3).setCellValue("/min");
            r3.createCell(4).setCellValue(20);
            r3.createCell(5).setCellFormula("200+50");
            r3.createCell(6).setCellValue("中文 note, with comma");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        KnowledgeTables.Table t = KnowledgeTables.read("ranges.xlsx", xlsx);
        assertEquals(List.of("code", "display", "kind", "unit", "low", "high", "note"), t.header());
        assertEquals(2, t.rows().size());
        assertEquals(Map.of("code", "8867-4", "display", "Heart rate", "kind", "vital", "unit", "/min", "low", "20", "high", "250", "note", "中文 note, with comma"),
                t.rows().get(1));
        assertEquals("43.5", t.rows().get(0).get("high"));
        KnowledgeTables.Replaced r = KnowledgeTables.replace(CORE, "plausible-ranges", t);
        assertEquals("""
                code,display,kind,unit,low,high,note
                8310-5,Body temperature,vital,Cel,34,43.5,
                8867-4,Heart rate,vital,/min,20,250,"中文 note, with comma"
                """, r.archive().text(RANGES));
        assertEquals(2, PackLoader.load(r.archive().source()).knowledge().get("plausible-ranges").size());
        assertEquals("row 5, column 'unit': the key column is empty\nrow 5, column 'high': 'x' is not a number (the column holds numbers)", assertThrows(KnowledgeTables.KnowledgeTableException.class,
                () -> KnowledgeTables.replace(CORE, "plausible-ranges", new KnowledgeTables.Table(t.header(), List.of(t.rows().get(0), t.rows().get(1),
                        t.rows().get(0), Map.of("code", "1", "display", "", "kind", "", "unit", "", "low", "", "high", "x", "note", ""))))).getMessage());
        assertEquals("not readable as XLSX", assertThrows(KnowledgeTables.KnowledgeTableException.class,
                () -> KnowledgeTables.fromXlsx(b("not a workbook"))).problems().get(0).message().substring(0, 20));
    }
}
