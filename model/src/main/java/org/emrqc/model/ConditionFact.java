package org.emrqc.model;

/** Condition (diagnosis/problem): code, statuses, onset and abatement, role in the encounter. */
public final class ConditionFact extends CodedFact {
    private String clinicalStatus;
    private String verificationStatus;
    private Long onset;
    private Long onsetLatest;
    private Long abatement;
    private Long abatementLatest;
    private Long recorded;
    private Long recordedLatest;
    private boolean principal;
    private boolean secondary;

    public ConditionFact(String id) { super("Condition", id); }

    public String getClinicalStatus() { return clinicalStatus; }
    public void setClinicalStatus(String s) { this.clinicalStatus = s; }
    public String getVerificationStatus() { return verificationStatus; }
    public void setVerificationStatus(String s) { this.verificationStatus = s; }
    @Override public boolean isVoided() { return isRefuted(); }
    public boolean isRefuted() { return "refuted".equals(verificationStatus) || "entered-in-error".equals(verificationStatus); }

    public Long getOnset() { return onset; }
    public void setOnset(Long onset) { this.onset = onset; }
    /** The latest instant {@link #getOnset()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getOnsetLatest() { return onsetLatest != null ? onsetLatest : onset; }
    public void setOnsetLatest(Long latest) { this.onsetLatest = latest; }
    public Long getAbatement() { return abatement; }
    public void setAbatement(Long abatement) { this.abatement = abatement; }
    /** The latest instant {@link #getAbatement()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getAbatementLatest() { return abatementLatest != null ? abatementLatest : abatement; }
    public void setAbatementLatest(Long latest) { this.abatementLatest = latest; }
    public Long getRecorded() { return recorded; }
    public void setRecorded(Long recorded) { this.recorded = recorded; }
    /** The latest instant {@link #getRecorded()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getRecordedLatest() { return recordedLatest != null ? recordedLatest : recorded; }
    public void setRecordedLatest(Long latest) { this.recordedLatest = latest; }

    /** Principal diagnosis of its encounter (Encounter.diagnosis with rank 1). */
    public boolean isPrincipal() { return principal; }
    public void setPrincipal(boolean principal) { this.principal = principal; }
    /** Listed in Encounter.diagnosis with a rank other than 1. */
    public boolean isSecondary() { return secondary; }
    public void setSecondary(boolean secondary) { this.secondary = secondary; }

    /** The ICD-10 code of this condition (any ICD-10 edition), upper case without spaces, or null. */
    public String getIcd10() {
        for (Coding c : getCodings()) {
            if (CodeSystems.isIcd10(c.getSystem()) && c.getCode() != null) return c.getCode().trim().toUpperCase();
        }
        return null;
    }
    /** The ICD-10 category (letter + two digits), or null. */
    public String getIcd10Category() {
        String c = getIcd10();
        return c == null || c.length() < 3 ? null : c.substring(0, 3);
    }
    /** The first letter of the ICD-10 code (the chapter block letter), or null. */
    public String getIcd10Letter() {
        String c = getIcd10();
        return c == null || c.isEmpty() ? null : c.substring(0, 1);
    }
    public String getSnomed() { return code(CodeSystems.SNOMED); }
}
