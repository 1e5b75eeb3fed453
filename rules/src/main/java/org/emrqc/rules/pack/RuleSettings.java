package org.emrqc.rules.pack;

import java.util.List;
import java.util.Map;
import org.emrqc.model.Severity;

/** What an overlay changes on one rule; null means "unchanged". */
public record RuleSettings(Map<String, Object> params, Severity severity, Double points, Boolean veto,
                           List<String> stages, DepartmentScope departments) {
}
