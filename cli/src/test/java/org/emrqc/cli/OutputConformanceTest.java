package org.emrqc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.emrqc.fhir.conformance.PackageWriter;
import org.emrqc.rules.pack.PackLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance package in fhir-package/ is what `bin/emrqc fhir-package` writes for the shipped pack, and every
 * output of `bin/emrqc check` validates against it with HAPI's FhirInstanceValidator and unknown extensions disallowed:
 * zero errors; the warnings that remain are the ones listed (and explained) in docs/conformance.md.
 */
class OutputConformanceTest {
    /** Warnings that remain, each explained in docs/conformance.md. */
    static final List<String> ALLOWED_WARNINGS = List.of(
            // findings reference an input's resources by its urn:uuid fullUrls: they resolve in the input, not in the findings bundle
            "URN reference is not locally contained within the bundle");

    @TempDir
    Path out;

    @Test
    void committedPackageIsWhatTheCommandWrites() throws Exception {
        Map<String, String> expected = PackageWriter.files(FhirPackageCommand.of(PackLoader.loadBundled()));
        Map<String, String> committed = new TreeMap<>();
        try (Stream<Path> files = Files.list(ConformanceValidator.PACKAGE)) {
            for (Path f : files.toList()) committed.put("package/" + f.getFileName(), Files.readString(f));
        }
        assertEquals(expected.keySet(), committed.keySet(), "fhir-package/ is stale: regenerate it with bin/emrqc fhir-package --out fhir-package");
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), committed.get(e.getKey()), e.getKey() + " is stale: regenerate it with bin/emrqc fhir-package --out fhir-package");
        }
    }

    /**
     * The package's CodeSystems, ValueSets, Measure and OperationDefinition are valid R4. Its StructureDefinitions carry
     * differentials only; HAPI's validator cannot generate their snapshots when it validates them as instances (it looks
     * for the core package's id), so they are exercised where they matter: every output extension in the outputs below.
     */
    @Test
    void packageResourcesAreValid() throws Exception {
        ConformanceValidator v = new ConformanceValidator();
        Map<String, List<String>> errors = new TreeMap<>();
        try (Stream<Path> files = Files.list(ConformanceValidator.PACKAGE)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().equals("package.json") && !p.getFileName().toString().startsWith("StructureDefinition-")).sorted().toList()) {
                List<String> e = v.problems(Files.readString(f)).stream().filter(m -> m.startsWith("ERROR") || m.startsWith("FATAL")).toList();
                if (!e.isEmpty()) errors.put(f.getFileName().toString(), e);
            }
        }
        assertEquals(Map.of(), errors);
    }

    @Test
    void checkOutputsValidateAgainstThePackage() throws Exception {
        List<Path> inputs = new ArrayList<>(List.of(Path.of("..", "samples"), Path.of("..", "corpus", "zh-test", "records")));
        // a slice of the fixture records: every rule family, both languages, batches
        try (Stream<Path> f = Files.walk(Path.of("..", "rule-packs", "core", "fixtures", "records"))) {
            List<Path> all = f.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            for (int i = 0; i < all.size(); i += 7) inputs.add(all.get(i));
        }
        Path hm = Path.of("..", "..", "shared", "data", "hm-editor", "fhir");
        if (Files.isDirectory(hm)) inputs.add(hm);
        run("CN", inputs, out.resolve("cn"));
        List<Path> us = new ArrayList<>(List.of(Path.of("..", "samples", "us")));
        Path synthea = Path.of("..", "..", "shared", "data", "synthea");
        if (Files.isDirectory(synthea)) {
            try (Stream<Path> f = Files.list(synthea)) { f.filter(p -> p.toString().endsWith(".json")).sorted().limit(6).forEach(us::add); }
        }
        run("US", us, out.resolve("us"));

        ConformanceValidator v = new ConformanceValidator();
        Map<String, Integer> errors = new TreeMap<>();
        Map<String, Integer> warnings = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        int files = 0;
        for (Path dir : List.of(out.resolve("cn"), out.resolve("us"))) {
            try (Stream<Path> f = Files.list(dir)) {
                for (Path p : f.filter(x -> x.toString().endsWith(".qc.json")).sorted().toList()) {
                    files++;
                    for (String m : v.problems(Files.readString(p))) {
                        String key = m.replaceAll("\\[\\d+\\]", "[]").replaceAll("/\\*[^*]*\\*/", "");
                        (m.startsWith("ERROR") || m.startsWith("FATAL") ? errors : warnings).merge(key, 1, Integer::sum);
                        examples.putIfAbsent(key, p.getFileName().toString());
                    }
                }
            }
        }
        assertTrue(files > 40, "outputs validated: " + files);
        assertEquals(Map.of(), errors, "errors validating the outputs against fhir-package/ (first file of each: " + examples + ")");
        List<String> unexplained = warnings.keySet().stream().filter(w -> ALLOWED_WARNINGS.stream().noneMatch(w::contains)).toList();
        assertEquals(List.of(), unexplained, "warnings not explained in docs/conformance.md");
    }

    /** A transaction names its new resources by urn:uuid fullUrls: the findings reference them the same way. */
    @Test
    void findingsReferenceATransactionsResourcesAsItNamesThem(@TempDir Path in) throws Exception {
        String patient = "urn:uuid:6f1c2b0e-1d1a-4f4e-9a53-3c1f3d0b7a11";
        String json = """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"fullUrl": "%s", "resource": {"resourceType": "Patient", "birthDate": "1970-01-01"},
                   "request": {"method": "POST", "url": "Patient"}}]}
                """.formatted(patient);
        Files.writeString(in.resolve("new-patient-without-sex.json"), json);
        CliRun r = CliRun.of("check", "--region", "base", "--as-of", "2026-01-01T00:00:00Z", "--out", out.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        String result = Files.readString(out.resolve("new-patient-without-sex.qc.json"));
        org.hl7.fhir.r4.model.Bundle b = org.emrqc.fhir.FhirContexts.r4().newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, result);
        org.hl7.fhir.r4.model.DetectedIssue sex = b.getEntry().stream().map(e -> e.getResource()).filter(x -> x instanceof org.hl7.fhir.r4.model.DetectedIssue)
                .map(x -> (org.hl7.fhir.r4.model.DetectedIssue) x).filter(d -> d.getCode().getCodingFirstRep().getCode().equals("INC-PAT-SEX")).findFirst().orElseThrow();
        assertEquals(patient, sex.getPatient().getReference());
        assertEquals(patient, sex.getImplicatedFirstRep().getReference());
        org.hl7.fhir.r4.model.MeasureReport score = b.getEntry().stream().map(e -> e.getResource()).filter(x -> x instanceof org.hl7.fhir.r4.model.MeasureReport)
                .map(x -> (org.hl7.fhir.r4.model.MeasureReport) x).findFirst().orElseThrow();
        assertEquals(patient, score.getSubject().getReference());
        assertEquals("new-patient-without-sex.json", b.getIdentifier().getValue());
        List<String> problems = new ConformanceValidator().problems(result);
        assertEquals(List.of(), problems.stream().filter(p -> p.startsWith("ERROR")).toList());
    }

    private static void run(String region, List<Path> inputs, Path dir) {
        List<String> args = new ArrayList<>(List.of("check", "--region", region, "--timezone", "Asia/Shanghai", "--as-of", "2026-01-01T00:00:00Z",
                "--out", dir.toString()));
        inputs.forEach(p -> args.add(p.toString()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertTrue(r.exit() == 0 || r.exit() == 1, r.err());
    }
}
