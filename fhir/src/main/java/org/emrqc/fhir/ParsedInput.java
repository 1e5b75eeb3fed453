package org.emrqc.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * The resources read from one input unit (a JSON file, or one NDJSON line), flattened out of any Bundle, with
 * the fullUrl each had, or the problems that kept the unit from being read.
 */
public record ParsedInput(String source, List<Entry> entries, List<InputProblem> problems) {

    /** One resource and the fullUrl it had in its bundle (null outside a bundle). */
    public record Entry(String fullUrl, Resource resource) { }

    public boolean ok() { return problems.stream().noneMatch(InputProblem::fatal); }
}
