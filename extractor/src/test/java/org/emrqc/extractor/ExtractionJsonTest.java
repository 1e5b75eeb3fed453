package org.emrqc.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.Concept;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.model.CodeCandidate;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.Coding;
import org.emrqc.model.MentionFact;
import org.junit.jupiter.api.Test;

/** Extractions travel between processes as JSON: every field survives the trip, and bad JSON names its fault. */
class ExtractionJsonTest {
    @Test
    void offlineExtractionOfAChineseRecordSurvivesTheRoundTrip() throws Exception {
        NarrativeDocument doc = new NarrativeDocument("Composition", "adm1", "p1", "e1", "zh", OfflineExtractorTest.ZH);
        Concept htn = new Concept("高血压", "diagnosis", List.of(new Coding(CodeSystems.ICD10_CN, "I10.x00x002", "高血压")), "test", null, Map.of());
        Extraction x = new OfflineExtractor().extract(doc, DictionaryTerminology.combine(List.of(new DictionaryTerminology(List.of(htn)), TsvTerminology.shipped())));
        assertTrue(x.mentions().size() >= 8, "a rich extraction: " + x.mentions());
        x.mentions().get(0).getCandidates().add(new CodeCandidate(new Coding(CodeSystems.ICD10_CN, "R10.400", "腹痛", "2.0"), 0.75));

        ObjectNode json = ExtractionJson.write(x);
        Extraction back = ExtractionJson.read(new ObjectMapper().readTree(json.toString()));
        assertEquals(json, ExtractionJson.write(back), "writing what was read gives the same JSON");
        assertEquals(x.sections().size(), back.sections().size());
        MentionFact htnBack = back.mentions().stream().filter(m -> m.getText().equals("高血压")).findFirst().orElseThrow();
        assertTrue(htnBack.isNegated());
        assertTrue(htnBack.isHistorical());
        assertEquals("I10.x00x002", htnBack.code(CodeSystems.ICD10_CN));
        assertEquals(OfflineExtractorTest.ZH.substring(htnBack.getStart(), htnBack.getEnd()), htnBack.getText());
        CodeCandidate c = back.mentions().get(0).getCandidates().get(back.mentions().get(0).getCandidates().size() - 1);
        assertEquals("R10.400", c.coding().getCode());
        assertEquals("2.0", c.coding().getVersion());
        assertEquals(0.75, c.score());
        MentionFact temp = back.mentions().stream().filter(m -> "vital".equals(m.getKind()) && m.getValue() != null && m.getValue() == 38.5).findFirst().orElseThrow();
        assertEquals("8310-5", temp.getLoinc());
    }

    @Test
    void aMentionWithoutItsKindIsRefusedByName() throws Exception {
        String bad = "{\"backend\":\"offline\",\"mentions\":[{\"documentType\":\"Composition\",\"documentId\":\"a\",\"text\":\"x\",\"start\":0,\"end\":1}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExtractionJson.read(new ObjectMapper().readTree(bad)));
        assertEquals("missing 'kind'", e.getMessage());
    }
}
