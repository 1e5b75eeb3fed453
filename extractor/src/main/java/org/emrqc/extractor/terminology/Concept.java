package org.emrqc.extractor.terminology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.Coding;

/**
 * A term and the codes it stands for, with the kind of thing it names (diagnosis, medication ...).
 *
 * @param term the written form matched in text
 * @param kind diagnosis, symptom, sign, anatomy, medication, allergy, procedure, lab ...
 * @param codes the codes the term stands for
 * @param source where the concept comes from: a table's file or resource name, {@code record}, {@code pack:...}
 * @param sourceKind the kind of source of this written form, as a table's 6th column gives it: {@code textbook},
 *        {@code clinical-usage}, {@code colloquial} or {@code abbreviation}; null when the table does not say
 * @param attributes further facts about the concept ({@code system=}, {@code site=ANA-...}, {@code chronic=yes},
 *        {@code paired=}, {@code part-of=}, {@code class=}, {@code level=class} ...), in the table's order; never null
 */
public record Concept(String term, String kind, List<Coding> codes, String source, String sourceKind, Map<String, String> attributes) {
    public Concept {
        attributes = attributes == null || attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The value of an attribute, or null. */
    public String attribute(String key) {
        return attributes.get(key);
    }
}
