package org.emrqc.rules.pack;

import java.util.List;
import java.util.Map;
import org.emrqc.model.DefectClass;
import org.emrqc.model.Severity;

/**
 * A rule as the pack defines it: identity, defect class, the template that holds its logic, default
 * parameters, severity, points, veto, stages, department scope, regulation, messages and fix hint.
 * Regions change the settings through overlays, never the template. {@code narrative} rules (data: narrative)
 * rest on facts extracted from text and never count as veto items. {@code family} is the document family the rule
 * names ({@code family:} in its YAML), or null when it names none.
 */
public record RuleDefinition(
        String id,
        DefectClass defectClass,
        String template,
        Text title,
        Severity severity,
        double points,
        boolean veto,
        List<String> stages,
        DepartmentScope departments,
        String regulation,
        Map<String, Object> params,
        Text message,
        Text fix,
        String sourceFile,
        boolean narrative,
        DocumentFamily family) {
}
