package org.emrqc.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear line naming the file, the place and what is wrong; the rest goes on. */
class FhirInputReaderTest {
    private static final Path INPUTS = Path.of("src/test/resources/inputs");
    private final FhirInputReader reader = new FhirInputReader();

    private static InputProblem only(List<ParsedInput> units) {
        assertEquals(1, units.size());
        List<InputProblem> fatal = units.get(0).problems().stream().filter(InputProblem::fatal).toList();
        assertEquals(1, fatal.size(), fatal.toString());
        return fatal.get(0);
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        InputProblem p = only(reader.read(INPUTS.resolve("patient-missing-comma.json")));
        assertEquals(INPUTS.resolve("patient-missing-comma.json").toString(), p.source());
        assertEquals("line 5, column 3: invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries", p.message());
    }

    @Test
    void jsonWithoutResourceTypeIsNotFhir() {
        InputProblem p = only(reader.read(INPUTS.resolve("json-without-resourcetype.json")));
        assertEquals("not FHIR: the JSON has no \"resourceType\" at its top level", p.message());
    }

    @Test
    void unknownResourceTypeNamesPathAndLine() {
        InputProblem p = only(reader.read(INPUTS.resolve("bundle-with-unknown-resource-type.json")));
        assertEquals("line 6, Bundle.entry[1].resource.resourceType", p.location());
        assertEquals("unknown resourceType (not a FHIR R4 resource type)", p.message());
    }

    @Test
    void invalidDateNamesPathAndValue() {
        InputProblem p = only(reader.read(INPUTS.resolve("bundle-with-invalid-birth-date.json")));
        assertEquals("line 7, Bundle.entry[1].resource.birthDate", p.location());
        assertTrue(p.message().startsWith("invalid value '1980-13-45'"), p.message());
    }

    @Test
    void entryWithoutResourceIsReportedAndTheRestKept() {
        List<ParsedInput> units = reader.read(INPUTS.resolve("bundle-with-entry-without-resource.json"));
        InputProblem p = only(units);
        assertEquals("line 6, Bundle.entry[1]", p.location());
        assertEquals("bundle entry without a resource", p.message());
        assertEquals(1, units.get(0).entries().size());
    }

    @Test
    void ndjsonBadLineIsReportedWithItsLineNumberAndOtherLinesRead() {
        List<ParsedInput> units = reader.read(INPUTS.resolve("resources-one-bad-line.ndjson"));
        assertEquals(3, units.size());
        assertTrue(units.get(0).ok());
        assertFalse(units.get(1).ok());
        assertTrue(units.get(2).ok());
        InputProblem p = units.get(1).problems().get(0);
        assertEquals(INPUTS.resolve("resources-one-bad-line.ndjson") + ":2", p.source());
        assertTrue(p.message().contains("invalid JSON: Unexpected end-of-input"), p.message());
    }

    @Test
    void fileTooLargeIsReportedWithoutReading(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"resourceType\":\"Patient\",\"id\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}");
        InputProblem p = only(new FhirInputReader(1024 * 1024).read(big));
        assertEquals("file too large (3.0 MB; the limit is 1.0 MB)", p.message());
    }

    @Test
    void emptyFileIsReported(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "  \n");
        assertEquals("empty input: no JSON", only(reader.read(empty)).message());
    }

    @Test
    void missingFileIsReported() {
        InputProblem p = only(reader.read(INPUTS.resolve("no-such-file.json")));
        assertTrue(p.message().startsWith("cannot read file"), p.message());
    }

    @Test
    void problemLineNamesFileLocationAndMessage() {
        assertEquals("a.json: line 3, Patient.birthDate: invalid value 'x'",
                InputProblem.error("a.json", "line 3, Patient.birthDate", "invalid value 'x'").toString());
    }
}
