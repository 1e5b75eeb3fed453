package org.emrqc.extractor.terminology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.Coding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables read from a path or the classpath: the user's five-column format, the shipped seven-column one, and errors. */
class TsvTerminologyTest {
    @TempDir Path dir;

    @Test
    void aFiveColumnUserTableStillLoads() throws IOException {
        Path f = dir.resolve("icd.tsv");
        Files.writeString(f, "# term\tkind\tsystem\tcode\tdisplay\n"
                + "急性阑尾炎\tdiagnosis\thttp://hl7.org/fhir/sid/icd-10-cn\tK35.900\t急性阑尾炎\n"
                + "\n"
                + "阑尾炎\tdiagnosis\thttp://hl7.org/fhir/sid/icd-10-cn\tK37.x00\n", StandardCharsets.UTF_8);
        Terminology t = TsvTerminology.load(f);
        assertEquals(2, t.concepts().size());
        Concept first = t.concepts().get(0);
        assertEquals(new Concept("急性阑尾炎", "diagnosis", List.of(new Coding("http://hl7.org/fhir/sid/icd-10-cn", "K35.900", "急性阑尾炎")),
                f.toString(), null, Map.of()), first);
        assertEquals("阑尾炎", t.concepts().get(1).codes().get(0).getDisplay(), "without a display the term is the display");
        assertEquals(1.0, t.candidates("急性阑尾炎", "diagnosis", 1).get(0).score());
    }

    @Test
    void sixthAndSeventhColumnsBecomeSourceKindAndAttributes() throws IOException {
        String table = "左氧\tmedication\thttps://example.org/drugs\tD1\t左氧氟沙星\tabbreviation\tclass=Q;level=drug\n"
                + "肚子痛\tsymptom\thttps://example.org/s\tS1\t腹痛\tcolloquial\n"
                + "腹痛\tsymptom\thttps://example.org/s\tS1\t腹痛\t\t\n";
        List<Concept> cs = TsvTerminology.read(new StringReader(table), "mine.tsv");
        assertEquals("abbreviation", cs.get(0).sourceKind());
        assertEquals(List.of("class", "level"), List.copyOf(cs.get(0).attributes().keySet()), "attributes keep their order");
        assertEquals("Q", cs.get(0).attribute("class"));
        assertEquals("mine.tsv", cs.get(0).source(), "the source stays the table");
        assertEquals("colloquial", cs.get(1).sourceKind());
        assertEquals(Map.of(), cs.get(1).attributes());
        assertNull(cs.get(2).sourceKind(), "an empty source column says nothing");
        assertEquals(Map.of(), cs.get(2).attributes());
    }

    @Test
    void errorsNameTheFileAndTheLine() {
        assertEquals("t.tsv: line 2: expected term, kind, system, code[, display[, source[, attributes]]] separated by tabs",
                error("a\tsymptom\ts\tc\nb\tsymptom\n"));
        assertEquals("t.tsv: line 1: unknown source kind 'book' (expected one of textbook, clinical-usage, colloquial, abbreviation)",
                error("a\tsymptom\ts\tc\ta\tbook\n"));
        assertEquals("t.tsv: line 3: attribute 'site' is not key=value", error("# c\n\na\tsymptom\ts\tc\ta\ttextbook\tsystem=x;site\n"));
        assertEquals("t.tsv: line 1: attribute 'site' given twice", error("a\tsymptom\ts\tc\ta\ttextbook\tsite=1;site=2\n"));
        assertEquals("t.tsv: line 1: more than 7 columns (term, kind, system, code, display, source, attributes)",
                error("a\tsymptom\ts\tc\ta\ttextbook\t\textra\n"));
        assertEquals("t.tsv: line 1: term, kind and code must not be empty", error("a\tsymptom\ts\t \n"));
    }

    private static String error(String table) {
        return assertThrows(IllegalArgumentException.class, () -> TsvTerminology.read(new StringReader(table), "t.tsv")).getMessage();
    }

    @Test
    void aFolderIsEveryTsvFileInItInNameOrder() throws IOException {
        Files.writeString(dir.resolve("b.tsv"), "乙\tdiagnosis\ts\t2\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a.tsv"), "\uFEFF甲\tdiagnosis\ts\t1\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.txt"), "not a table", StandardCharsets.UTF_8);
        assertEquals(List.of("甲", "乙"), TsvTerminology.load(dir).concepts().stream().map(Concept::term).toList());
    }

    @Test
    void theShippedLexiconIsReadOnceAndHoldsEveryTable() {
        Terminology shipped = TsvTerminology.shipped();
        assertSame(shipped, TsvTerminology.shipped());
        assertEquals(List.of("emrqc/lexicon/symptoms.tsv", "emrqc/lexicon/zh-symptoms.tsv", "emrqc/lexicon/zh-diseases.tsv",
                "emrqc/lexicon/zh-anatomy.tsv", "emrqc/lexicon/zh-drugs.tsv"),
                shipped.concepts().stream().map(Concept::source).distinct().toList());
        assertEquals(28 + 2139 + 2671 + 387 + 1142, shipped.concepts().size());
        List<Candidate> fever = shipped.candidates("发热", "symptom", 5);
        assertEquals(List.of("386661006", "SYM-0001"), fever.stream().map(c -> c.concept().codes().get(0).getCode()).toList(),
                "the SNOMED CT row and the lexicon concept, both exact");
        assertEquals(CodeSystems.SNOMED, fever.get(0).concept().codes().get(0).getSystem());
        assertNull(fever.get(0).concept().sourceKind(), "symptoms.tsv has five columns");
        assertEquals("textbook", fever.get(1).concept().sourceKind());
    }

    @Test
    void fuzzyCandidatesRankByBigramOverlap() {
        List<Candidate> c = TsvTerminology.shipped().candidates("右侧卵巢巧克力样囊肿", "diagnosis", 2);
        assertEquals("卵巢巧克力囊肿", c.get(0).concept().codes().get(0).getDisplay());
        assertTrue(c.get(0).score() < 1.0 && c.get(0).score() >= 0.45, "a fuzzy score: " + c.get(0).score());
    }
}
