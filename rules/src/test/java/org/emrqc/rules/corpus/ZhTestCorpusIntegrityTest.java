package org.emrqc.rules.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.fhir.RecordAssembler;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.PatientRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The held-out Chinese test corpus (corpus/zh-test) is usable as a measuring stick: every record parses and holds one
 * patient, and every gold defect points at a document that exists and quotes that document's narrative exactly.
 * It also holds the corpus to its size and coverage promises (≥ 16 records, ≥ 5 clean ones, every defect kind
 * planted at least once). It does not run any rule: the corpus measures the rules, it is never used to tune them.
 */
class ZhTestCorpusIntegrityTest {
    static final List<String> KINDS = List.of(
            "identity-age", "identity-sex", "identity-marital", "identity-obstetric", "identity-menopause",
            "laterality-text", "allergy-text", "diagnosis-fpn-admission", "principal-dx-symptom", "date-op-mismatch",
            "document-before-admission", "template-unfilled", "blank-duplicate", "duplicate-same-day", "near-copy",
            "cc-too-long", "cc-no-duration", "cc-diagnosis", "vital-implausible", "symptom-conflict", "history-conflict",
            "late-admission-record", "late-first-progress-note", "missing-attending-round", "late-operative-note",
            "missing-first-progress-note", "missing-discharge-record", "section-missing", "section-empty");
    static final Set<String> PRECISIONS = Set.of("minute", "day", "mixed");

    static Path corpus;
    static JsonNode gold;
    static final Map<String, PatientRecord> RECORDS = new LinkedHashMap<>();
    static final Map<String, List<String>> PARSE_PROBLEMS = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        corpus = locate();
        gold = new ObjectMapper(new YAMLFactory()).readTree(corpus.resolve("defects.yaml").toFile());
        FhirInputReader reader = new FhirInputReader();
        RecordAssembler assembler = new RecordAssembler(ZoneId.of("Asia/Shanghai"));
        try (Stream<Path> files = Files.list(corpus.resolve("records"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String rel = "records/" + f.getFileName();
                List<ParsedInput> units = reader.read(f);
                List<String> problems = new ArrayList<>();
                if (units.size() != 1) problems.add(units.size() + " units");
                for (ParsedInput u : units) u.problems().forEach(p -> problems.add(p.toString()));
                if (!problems.isEmpty()) {
                    PARSE_PROBLEMS.put(rel, problems);
                    continue;
                }
                List<PatientRecord> recs = assembler.assemble(rel, units.get(0).entries());
                if (recs.size() != 1 || recs.get(0).getPatient() == null) {
                    PARSE_PROBLEMS.put(rel, List.of(recs.size() + " patient records (want exactly one with a Patient)"));
                    continue;
                }
                RECORDS.put(rel, recs.get(0));
            }
        }
    }

    /** The corpus folder, from the rules module directory (Maven's working directory) or the repository root. */
    static Path locate() {
        for (Path p : List.of(Path.of("..", "corpus", "zh-test"), Path.of("corpus", "zh-test"))) {
            if (Files.isRegularFile(p.resolve("defects.yaml"))) return p.toAbsolutePath().normalize();
        }
        throw new IllegalStateException("corpus/zh-test not found from " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyRecordParsesWithoutProblemsAndHoldsOnePatient() {
        assertEquals(Map.of(), PARSE_PROBLEMS);
    }

    @Test
    void goldListsEveryRecordFileOnce() {
        Set<String> listed = new HashSet<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode r : gold.get("records")) {
            String file = r.get("file").asText();
            if (!listed.add(file)) errors.add("listed twice: " + file);
            if (!RECORDS.containsKey(file) && !PARSE_PROBLEMS.containsKey(file)) errors.add("no such record file: " + file);
        }
        for (String file : RECORDS.keySet()) if (!listed.contains(file)) errors.add("record not in defects.yaml: " + file);
        assertEquals(List.of(), errors);
    }

    @Test
    void everyGoldDefectPointsAtAnExistingDocumentAndQuotesItsNarrative() {
        List<String> errors = new ArrayList<>();
        for (JsonNode r : gold.get("records")) {
            String file = r.get("file").asText();
            PatientRecord rec = RECORDS.get(file);
            if (rec == null) continue;
            if (!PRECISIONS.contains(r.path("precision").asText())) errors.add(file + ": precision " + r.path("precision"));
            if (r.path("department").asText().isBlank()) errors.add(file + ": no department");
            JsonNode defects = r.get("defects");
            boolean clean = r.path("clean").asBoolean();
            if (clean != (defects == null || defects.isEmpty())) errors.add(file + ": clean=" + clean + " but " + (defects == null ? 0 : defects.size()) + " defects");
            if (defects == null) continue;
            for (JsonNode d : defects) {
                String kind = d.path("kind").asText();
                if (!KINDS.contains(kind)) errors.add(file + ": unknown kind " + kind);
                checkPointer(file, rec, d.path("document").asText(), d.path("quote").asText(null), errors);
                if (d.has("other")) checkPointer(file, rec, d.get("other").path("document").asText(), d.get("other").path("quote").asText(null), errors);
                if (d.path("note").asText().isBlank()) errors.add(file + ": " + kind + " without a note");
            }
        }
        assertEquals(List.of(), errors);
    }

    private static void checkPointer(String file, PatientRecord rec, String ref, String quote, List<String> errors) {
        if (quote == null) {
            errors.add(file + ": " + ref + " without a quote");
            return;
        }
        if (ref.startsWith("Encounter/")) {
            EncounterFact e = rec.encounter(ref.substring("Encounter/".length()));
            if (e == null) errors.add(file + ": no " + ref);
            return;
        }
        DocumentFact doc = rec.facts(DocumentFact.class).stream().filter(f -> ref.equals(f.getRef())).findFirst().orElse(null);
        if (doc == null) {
            errors.add(file + ": no document " + ref);
            return;
        }
        String narrative = doc.getNarrative() == null ? "" : doc.getNarrative();
        if (!narrative.contains(quote)) errors.add(file + ": " + ref + " does not contain \"" + quote + "\"");
    }

    @Test
    void sizeAndCoverage() {
        int records = 0;
        int clean = 0;
        Map<String, Set<String>> recordsPerKind = new HashMap<>();
        for (JsonNode r : gold.get("records")) {
            records++;
            if (r.path("clean").asBoolean()) clean++;
            for (JsonNode d : r.path("defects")) recordsPerKind.computeIfAbsent(d.path("kind").asText(), k -> new HashSet<>()).add(r.get("file").asText());
        }
        assertTrue(records >= 16, "records: " + records);
        assertTrue(RECORDS.size() + PARSE_PROBLEMS.size() >= 16, "record files: " + (RECORDS.size() + PARSE_PROBLEMS.size()));
        assertTrue(clean >= 5, "clean records: " + clean);
        Map<String, Integer> thin = new TreeMap<>();
        for (String k : KINDS) {
            int n = recordsPerKind.getOrDefault(k, Set.of()).size();
            if (n < 1) thin.put(k, n);
        }
        assertEquals(Map.of(), thin, "defect kinds not planted");
    }
}
