package org.emrqc.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.fhir.FhirContexts;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's FhirInstanceValidator as a receiver would set it up for emrqc's outputs: the R4 core definitions, the
 * project's conformance package (fhir-package/package) loaded, unknown extensions not allowed, no terminology server.
 */
final class ConformanceValidator {
    static final Path PACKAGE = Path.of("..", "fhir-package", "package");

    private final FhirValidator validator;

    ConformanceValidator() throws IOException {
        FhirContext ctx = FhirContexts.r4();
        PrePopulatedValidationSupport pkg = new PrePopulatedValidationSupport(ctx);
        Map<String, IBaseResource> others = new HashMap<>();
        try (var files = Files.list(PACKAGE)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().equals("package.json")).sorted().toList()) {
                IBaseResource r = ctx.newJsonParser().parseResource(Files.readString(f));
                if (r instanceof org.hl7.fhir.r4.model.StructureDefinition || r instanceof org.hl7.fhir.r4.model.CodeSystem
                        || r instanceof org.hl7.fhir.r4.model.ValueSet) {
                    pkg.addResource(r);
                } else if (r instanceof org.hl7.fhir.r4.model.MetadataResource m) {
                    others.put(m.getUrl(), r);
                }
            }
        }
        // the Measure (and later the OperationDefinition), which the pre-populated support does not serve
        IValidationSupport rest = new IValidationSupport() {
            @Override public FhirContext getFhirContext() { return ctx; }
            @Override public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
                IBaseResource r = others.get(url);
                return r != null && (type == null || type.isInstance(r)) ? type == null ? null : type.cast(r) : null;
            }
        };
        ValidationSupportChain chain = new ValidationSupportChain(pkg, rest, new DefaultProfileValidationSupport(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx),
                new SnapshotGeneratingValidationSupport(ctx));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(false);
        validator = ctx.newValidator().registerValidatorModule(module);
    }

    /** Errors and warnings (information left out) for one resource or bundle, as "SEVERITY location: message". */
    List<String> problems(String json) {
        List<String> out = new ArrayList<>();
        for (SingleValidationMessage m : validator.validateWithResult(json).getMessages()) {
            if (m.getSeverity() == ResultSeverityEnum.INFORMATION) continue;
            out.add(m.getSeverity().name() + " " + m.getLocationString() + ": " + m.getMessage());
        }
        return out;
    }
}
