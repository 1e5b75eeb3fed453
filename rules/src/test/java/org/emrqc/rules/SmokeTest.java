package org.emrqc.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.fhir.RecordAssembler;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.RecordResult;
import org.emrqc.rules.engine.RecordEvaluator;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void synthea() throws Exception {
        for (String region : List.of("base", "CN", "CN-GD", "CN-BJ", "US")) {
            long t = System.currentTimeMillis();
            TestPacks.compiled(region);
            System.out.println(region + " compiled in " + (System.currentTimeMillis() - t) + " ms");
        }
        Path dir = Path.of("..", "..", "shared", "data", "synthea");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().limit(8).toList()) {
                for (ParsedInput in : new FhirInputReader().read(f)) {
                    in.problems().forEach(System.out::println);
                    for (PatientRecord r : new RecordAssembler(java.time.ZoneOffset.UTC).assemble(in.source(), in.entries())) {
                        RecordResult res = new RecordEvaluator().evaluate(TestPacks.compiled("US"), r, System.currentTimeMillis(), "US");
                        System.out.println(f.getFileName() + " " + r.getFacts().size() + " facts -> " + res.findings().size() + " findings, score " + res.score());
                        res.findings().stream().limit(6).forEach(x -> System.out.println("   " + x.ruleId() + " " + x.implicated() + " " + x.detailEn()));
                    }
                }
            }
        }
    }
}
