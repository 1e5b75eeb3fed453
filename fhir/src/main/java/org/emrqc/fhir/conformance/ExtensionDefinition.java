package org.emrqc.fhir.conformance;

import java.util.List;

/**
 * One extension emrqc writes or reads, as its StructureDefinition states it: where it may stand (element paths), its
 * value type(s), or, for a complex extension, its parts.
 *
 * @param id          the last part of the canonical URL (qc-evidence-span)
 * @param title       a short title
 * @param description what it means, in a sentence or two
 * @param contexts    element paths it may extend (DetectedIssue, DetectedIssue.evidence …)
 * @param valueTypes  FHIR data types of value[x] (empty for a complex extension)
 * @param parts       the sub-extensions of a complex extension (empty otherwise)
 */
public record ExtensionDefinition(String id, String title, String description, List<String> contexts, List<String> valueTypes, List<Part> parts) {
    /** A sub-extension: its url (relative), type, cardinality and meaning. */
    public record Part(String url, String type, int min, String description) { }

    static ExtensionDefinition simple(String id, String title, String description, List<String> contexts, String... types) {
        return new ExtensionDefinition(id, title, description, contexts, List.of(types), List.of());
    }
}
