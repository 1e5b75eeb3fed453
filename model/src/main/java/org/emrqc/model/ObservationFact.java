package org.emrqc.model;

/**
 * Observation, or one component of an Observation (blood pressure). A component keeps the id of its parent
 * resource, so findings implicate the Observation itself; {@link #getComponentIndex()} tells which part.
 */
public final class ObservationFact extends CodedFact {
    private String category;
    private String status;
    private Double value;
    private String unit;
    private String unitCode;
    private String unitSystem;
    private Long effective;
    private Long effectiveLatest;
    private Long issued;
    private Long issuedLatest;
    private boolean hasValue;
    private boolean dataAbsent;
    private int componentCount;
    private int componentIndex = -1;
    private String valueText;
    private boolean critical;

    public ObservationFact(String id) { super("Observation", id); }

    /** First category code (vital-signs, laboratory, survey, ...). */
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }

    /** valueQuantity.value, or null when the value is not a quantity. */
    public Double getValue() { return value; }
    public void setValue(Double value) { this.value = value; }
    public boolean isNumeric() { return value != null; }
    /** valueQuantity.unit (human unit string). */
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    /** valueQuantity.code (UCUM code when system is UCUM). */
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
    public String getUnitSystem() { return unitSystem; }
    public void setUnitSystem(String unitSystem) { this.unitSystem = unitSystem; }
    /** The unit to compare with knowledge tables: the UCUM code, else the unit text. */
    public String getUcum() { return unitCode != null ? unitCode : unit; }

    public Long getEffective() { return effective; }
    public void setEffective(Long effective) { this.effective = effective; }
    /** The latest instant {@link #getEffective()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getEffectiveLatest() { return effectiveLatest != null ? effectiveLatest : effective; }
    public void setEffectiveLatest(Long latest) { this.effectiveLatest = latest; }
    public Long getIssued() { return issued; }
    public void setIssued(Long issued) { this.issued = issued; }
    /** The latest instant {@link #getIssued()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getIssuedLatest() { return issuedLatest != null ? issuedLatest : issued; }
    public void setIssuedLatest(Long latest) { this.issuedLatest = latest; }

    /** True when some value[x] is present. */
    public boolean isHasValue() { return hasValue; }
    public void setHasValue(boolean hasValue) { this.hasValue = hasValue; }
    public boolean isDataAbsent() { return dataAbsent; }
    public void setDataAbsent(boolean dataAbsent) { this.dataAbsent = dataAbsent; }
    private int memberCount;
    private Boolean unitFits;
    private String allowedUnits;

    /** Whether the unit fits the analyte per the pack's analyte-units table; null when the analyte is not listed. */
    public Boolean getUnitFits() { return unitFits; }
    public void setUnitFits(Boolean unitFits) { this.unitFits = unitFits; }
    /** The units the pack allows for this analyte, for messages. */
    public String getAllowedUnits() { return allowedUnits; }
    public void setAllowedUnits(String allowedUnits) { this.allowedUnits = allowedUnits; }

    /** Number of hasMember references (a panel has members instead of a value). */
    public int getMemberCount() { return memberCount; }
    public void setMemberCount(int n) { this.memberCount = n; }
    @Override public boolean isVoided() { return "entered-in-error".equals(status) || "cancelled".equals(status); }
    public int getComponentCount() { return componentCount; }
    public void setComponentCount(int n) { this.componentCount = n; }
    /** -1 for the Observation itself, else the index of the component this fact was made from. */
    public int getComponentIndex() { return componentIndex; }
    public void setComponentIndex(int i) { this.componentIndex = i; }
    public boolean isComponent() { return componentIndex >= 0; }
    /** Value as written (for messages). */
    public String getValueText() { return valueText; }
    public void setValueText(String valueText) { this.valueText = valueText; }

    public String getLoinc() { return code(CodeSystems.LOINC); }

    /** Flagged as a critical value (危急值) by the laboratory: interpretation HH, LL or AA, or a text that says so. */
    public boolean isCritical() { return critical; }
    public void setCritical(boolean critical) { this.critical = critical; }
}
