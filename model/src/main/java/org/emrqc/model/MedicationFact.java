package org.emrqc.model;

import java.util.ArrayList;
import java.util.List;

/**
 * MedicationRequest or MedicationAdministration: the medication's codes (from medicationCodeableConcept or
 * the referenced Medication), its ingredients, and the first dosage (dose, unit, route, frequency).
 */
public final class MedicationFact extends CodedFact {
    private final List<Coding> ingredients = new ArrayList<>();
    private String status;
    private String intent;
    private Double dose;
    private String doseUnit;
    private String route;
    private Double timesPerDay;
    private Long authoredOn;
    private Long authoredOnLatest;
    private boolean hasDosage;

    public MedicationFact(String resourceType, String id) { super(resourceType, id); }

    private java.util.Map<String, String> ingredientCodes = java.util.Map.of();
    private DoseCheck doseCheck;
    private java.util.Set<String> drugClasses = java.util.Set.of();

    /** The classes of its ingredients an indicator follows (antibacterial, antineoplastic), from the pack's drug-classes. */
    public java.util.Set<String> getDrugClasses() { return drugClasses; }
    public void setDrugClasses(java.util.Set<String> classes) { this.drugClasses = classes; }

    /** Ingredient RxNorm code → name, derived from the pack's tables before evaluation. */
    public java.util.Map<String, String> getIngredientCodes() { return ingredientCodes; }
    public void setIngredientCodes(java.util.Map<String, String> m) { this.ingredientCodes = m; }
    /** A dose above its ceiling, derived from the pack's dose-limits before evaluation; null when within limits or unknown. */
    public DoseCheck getDoseCheck() { return doseCheck; }
    public void setDoseCheck(DoseCheck doseCheck) { this.doseCheck = doseCheck; }

    public boolean isRequest() { return "MedicationRequest".equals(getResourceType()); }
    /** Ingredient codes of the referenced Medication resource, when given. */
    public List<Coding> getIngredients() { return ingredients; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getIntent() { return intent; }
    public void setIntent(String intent) { this.intent = intent; }
    public boolean isActiveOrder() { return !"entered-in-error".equals(status) && !"cancelled".equals(status) && !"not-done".equals(status); }

    @Override public boolean isVoided() { return !isActiveOrder(); }

    /** Single dose value (doseQuantity / dosage.dose), or null. */
    public Double getDose() { return dose; }
    public void setDose(Double dose) { this.dose = dose; }
    public String getDoseUnit() { return doseUnit; }
    public void setDoseUnit(String doseUnit) { this.doseUnit = doseUnit; }
    public String getRoute() { return route; }
    public void setRoute(String route) { this.route = route; }
    /** Doses per day from timing.repeat (frequency / period in days), or null. */
    public Double getTimesPerDay() { return timesPerDay; }
    public void setTimesPerDay(Double t) { this.timesPerDay = t; }
    /** Daily dose = dose x times per day, or null when either is unknown. */
    public Double getDailyDose() { return dose == null || timesPerDay == null ? null : dose * timesPerDay; }
    public Long getAuthoredOn() { return authoredOn; }
    public void setAuthoredOn(Long authoredOn) { this.authoredOn = authoredOn; }
    /** The latest instant {@link #getAuthoredOn()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getAuthoredOnLatest() { return authoredOnLatest != null ? authoredOnLatest : authoredOn; }
    public void setAuthoredOnLatest(Long latest) { this.authoredOnLatest = latest; }
    /** True when a dosageInstruction (request) or dosage (administration) is present. */
    public boolean isHasDosage() { return hasDosage; }
    public void setHasDosage(boolean hasDosage) { this.hasDosage = hasDosage; }
}
