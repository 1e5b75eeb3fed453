package org.emrqc.fhir.conformance;

/** A rule of the pack as a concept of the qc-rule CodeSystem: its id, titles and defect class. */
public record RuleConcept(String code, String titleEn, String titleZh, String defectClass, String regulation) { }
