package org.emrqc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.emrqc.fhir.conformance.ConformancePackage;
import org.emrqc.fhir.conformance.PackageWriter;
import org.emrqc.fhir.conformance.RuleConcept;
import org.emrqc.rules.pack.RuleDefinition;
import org.emrqc.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "fhir-package", mixinStandardHelpOptions = true,
        description = "Writes emrqc's FHIR conformance package (extensions, code systems with the pack's rules, value sets, the score Measure) "
                + "as an NPM-style package folder DIR/package, which FHIR validators and IG tooling load.")
final class FhirPackageCommand implements Callable<Integer> {
    @Mixin
    PackOptions pack;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (package/ inside it).")
    Path out;

    @Override
    public Integer call() throws Exception {
        RulePack p = pack.load();
        int n = PackageWriter.write(of(p), out);
        System.out.println("Wrote " + n + " files to " + out.resolve("package") + " (" + ConformancePackage.NAME + " " + ConformancePackage.VERSION
                + ", " + p.rules().size() + " rules of " + p.label() + ")");
        return 0;
    }

    /** The package for a rule pack: its rules become the qc-rule CodeSystem. */
    static ConformancePackage of(RulePack p) {
        List<RuleConcept> rules = new ArrayList<>();
        for (RuleDefinition r : p.rules().values()) {
            rules.add(new RuleConcept(r.id(), r.title().en(), r.title().zh(), r.defectClass().code(), r.regulation()));
        }
        rules.sort(java.util.Comparator.comparing(RuleConcept::code));
        return new ConformancePackage(rules);
    }
}
