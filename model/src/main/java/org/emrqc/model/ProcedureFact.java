package org.emrqc.model;

import java.util.ArrayList;
import java.util.List;

/** Procedure: code, category, performed time or period, performers. */
public final class ProcedureFact extends CodedFact {
    private final List<String> performerIds = new ArrayList<>();
    private String status;
    private String categoryCode;
    private String categoryText;
    private Integer grade;
    private String anesthesia;
    private final List<String> implants = new ArrayList<>();
    private Long start;
    private Long startLatest;
    private Long end;
    private Long endLatest;
    private String primaryPerformerId;

    public ProcedureFact(String id) { super("Procedure", id); }

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public boolean isDone() { return status == null || "completed".equals(status) || "in-progress".equals(status); }
    @Override public boolean isVoided() { return "entered-in-error".equals(status) || "not-done".equals(status); }
    public String getCategoryCode() { return categoryCode; }
    public void setCategoryCode(String c) { this.categoryCode = c; }
    public String getCategoryText() { return categoryText; }
    public void setCategoryText(String t) { this.categoryText = t; }
    /** Surgical procedure: category SNOMED 387713003 or a category text naming surgery (手术). */
    public boolean isSurgical() {
        return "387713003".equals(categoryCode) || (categoryText != null && (categoryText.toLowerCase().contains("surg") || categoryText.contains("手术")));
    }
    /** The devices it implanted or changed (Procedure.focalDevice), by name. */
    public List<String> getImplants() { return implants; }
    /** 麻醉方式 from the anesthesia-method extension (全身麻醉, 局部麻醉 …), null when not given. */
    public String getAnesthesia() { return anesthesia; }
    public void setAnesthesia(String anesthesia) { this.anesthesia = anesthesia; }
    /** 手术级别 (1–4) from the operation-grade extension, null when not given. */
    public Integer getGrade() { return grade; }
    public void setGrade(Integer grade) { this.grade = grade; }
    /** An emergency operation (急诊手术), as its name or category says. */
    public boolean isEmergency() {
        return (getText() != null && getText().contains("急诊")) || (categoryText != null && categoryText.contains("急诊"));
    }
    public Long getStart() { return start; }
    public void setStart(Long start) { this.start = start; }
    /** The latest instant {@link #getStart()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getStartLatest() { return startLatest != null ? startLatest : start; }
    public void setStartLatest(Long latest) { this.startLatest = latest; }
    /** Period end, or the performed time itself when only performedDateTime is given. */
    public Long getEnd() { return end; }
    public void setEnd(Long end) { this.end = end; }
    /** The latest instant {@link #getEnd()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getEndLatest() { return endLatest != null ? endLatest : end; }
    public void setEndLatest(Long latest) { this.endLatest = latest; }
    public List<String> getPerformerIds() { return performerIds; }
    /** The performer with function "primary surgeon" (or the first performer). */
    public String getPrimaryPerformerId() { return primaryPerformerId; }
    public void setPrimaryPerformerId(String id) { this.primaryPerformerId = id; }
}
