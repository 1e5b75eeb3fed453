package org.emrqc.extractor;

/**
 * One narrative to extract from: the resource it belongs to ({@code resourceType}/{@code id}, e.g. a
 * DocumentReference), its patient and encounter, its language ("zh" or "en") and its source text. Every offset
 * the extractors emit indexes into {@link #text()}.
 */
public record NarrativeDocument(String resourceType, String id, String patientId, String encounterId, String language, String text) {
    public String ref() { return resourceType + "/" + id; }
}
