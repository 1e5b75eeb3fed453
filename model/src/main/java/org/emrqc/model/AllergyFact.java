package org.emrqc.model;

/** AllergyIntolerance: substance, category, statuses, or an explicit "no known allergy". */
public final class AllergyFact extends CodedFact {
    private String category;
    private String clinicalStatus;
    private String verificationStatus;
    private Long recorded;
    private Long recordedLatest;

    public AllergyFact(String id) { super("AllergyIntolerance", id); }

    private java.util.Map<String, String> excludedIngredients = java.util.Map.of();

    /** Ingredient RxNorm code → name that this allergy rules out, derived from the pack's tables before evaluation. */
    public java.util.Map<String, String> getExcludedIngredients() { return excludedIngredients; }
    public void setExcludedIngredients(java.util.Map<String, String> m) { this.excludedIngredients = m; }

    /** medication, food, environment, biologic. */
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getClinicalStatus() { return clinicalStatus; }
    public void setClinicalStatus(String s) { this.clinicalStatus = s; }
    public String getVerificationStatus() { return verificationStatus; }
    public void setVerificationStatus(String s) { this.verificationStatus = s; }
    public Long getRecorded() { return recorded; }
    public void setRecorded(Long recorded) { this.recorded = recorded; }
    /** The latest instant {@link #getRecorded()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getRecordedLatest() { return recordedLatest != null ? recordedLatest : recorded; }
    public void setRecordedLatest(Long latest) { this.recordedLatest = latest; }

    /** Active (or status not given) and not refuted. */
    public boolean isActive() {
        return (clinicalStatus == null || "active".equals(clinicalStatus))
                && !"refuted".equals(verificationStatus) && !"entered-in-error".equals(verificationStatus);
    }

    /**
     * An explicit statement that no allergy is known: SNOMED 716186003 (no known allergy), 409137002 (no known
     * drug allergy), 428607008 (no known environmental allergy), 429625007 (no known food allergy), or text
     * such as 否认药物过敏史.
     */
    public boolean isNoKnownAllergy() {
        String sct = code(CodeSystems.SNOMED);
        if ("716186003".equals(sct) || "409137002".equals(sct) || "428607008".equals(sct) || "429625007".equals(sct)) return true;
        String t = getText();
        return t != null && (t.contains("否认") || t.toLowerCase().startsWith("no known"));
    }
}
