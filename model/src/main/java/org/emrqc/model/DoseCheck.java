package org.emrqc.model;

/** A dose above its ceiling: the ingredient, single or daily, the dose in mg and the limit it exceeds. */
public record DoseCheck(String ingredient, String which, double doseMg, double limitMg) {
    public String getIngredient() { return ingredient; }
    public String getWhich() { return which; }
    public double getDoseMg() { return doseMg; }
    public double getLimitMg() { return limitMg; }
}
