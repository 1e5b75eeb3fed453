package org.emrqc.model;

/** Canonical URIs of the code systems the rules know by name. */
public final class CodeSystems {
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    /** ICD-10 as used in China (国家临床版 / 医保版); the edition goes in Coding.version. */
    public static final String ICD10_CN = "urn:emrqc:icd-10-cn";
    public static final String CVX = "http://hl7.org/fhir/sid/cvx";
    /** 18-digit resident identity card number (居民身份证), OID 2.16.156.10011.1.3. */
    public static final String CN_RESIDENT_ID = "urn:oid:2.16.156.10011.1.3";

    private CodeSystems() { }

    /** True for the ICD-10 family (WHO, CM, Chinese editions). */
    public static boolean isIcd10(String system) {
        return ICD10.equals(system) || ICD10_CM.equals(system) || ICD10_CN.equals(system)
                || (system != null && system.startsWith("http://hl7.org/fhir/sid/icd-10"));
    }

    /** The short name knowledge tables use for a system: snomed, loinc, rxnorm, icd-10, text (none), else the URI. */
    public static String tableName(String uri) {
        if (uri == null) return "text";
        if (SNOMED.equals(uri)) return "snomed";
        if (LOINC.equals(uri)) return "loinc";
        if (RXNORM.equals(uri)) return "rxnorm";
        if (isIcd10(uri)) return "icd-10";
        return uri;
    }
}
