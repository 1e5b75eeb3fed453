package org.emrqc.rules.check;

import java.util.List;
import org.emrqc.fhir.InputProblem;
import org.emrqc.model.RecordResult;

/**
 * What checking one input file gave: the results of its patient records, the problems (unreadable units,
 * records whose evaluation failed), and where the time went.
 */
public record FileOutcome(String source, List<RecordResult> results, List<InputProblem> problems, int resources,
                          long parseNanos, long structureNanos, long ruleNanos) {

    /** True when some part of the input could not be read or checked. */
    public boolean failed() { return problems.stream().anyMatch(InputProblem::fatal); }
}
