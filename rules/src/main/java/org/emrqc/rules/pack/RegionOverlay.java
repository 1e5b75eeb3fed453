package org.emrqc.rules.pack;

import java.util.List;
import java.util.Map;

/**
 * One region's overlay on its parent: rules it enables or disables, settings it overrides, knowledge rows it
 * adds, and scoring it changes. {@code parent} is null only for "base".
 */
public record RegionOverlay(
        String code,
        String parent,
        Text name,
        String language,
        List<String> enable,
        List<String> disable,
        Map<String, RuleSettings> rules,
        Map<String, List<Map<String, String>>> knowledge,
        Scoring scoring,
        String note,
        String sourceFile) {
}
