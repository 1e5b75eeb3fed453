package org.emrqc.rules.pack;

import java.util.List;
import java.util.Map;
import org.emrqc.model.Severity;

/**
 * A rule as it applies in one region after every overlay of the region's chain: whether it is enabled, its
 * parameters and settings, and for each setting the region (or "pack") it comes from.
 */
public record EffectiveRule(
        RuleDefinition definition,
        boolean enabled,
        Map<String, Object> params,
        Severity severity,
        double points,
        boolean veto,
        List<String> stages,
        DepartmentScope departments,
        Map<String, String> origins) {

    public String id() { return definition.id(); }
}
