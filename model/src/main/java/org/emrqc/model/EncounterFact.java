package org.emrqc.model;

/** Encounter: class (IMP, EMER, AMB ...), status, period, department, discharge disposition. */
public final class EncounterFact extends Fact {
    private String classCode;
    private String status;
    private Long start;
    private Long startLatest;
    private Long end;
    private Long endLatest;
    private String departmentCode;
    private String department;
    private String dischargeDisposition;
    private String dischargeDispositionText;

    private final java.util.List<EncounterLocation> locations = new java.util.ArrayList<>();

    public EncounterFact(String id) { super("Encounter", id); setEncounterId(id); }

    /** v3 ActCode: IMP (inpatient), EMER (emergency), AMB (ambulatory), ... */
    public String getClassCode() { return classCode; }
    public void setClassCode(String classCode) { this.classCode = classCode; }
    public boolean isInpatient() { return "IMP".equals(classCode) || "ACUTE".equals(classCode) || "NONAC".equals(classCode); }
    public boolean isEmergency() { return "EMER".equals(classCode); }

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public boolean isFinished() {
        return "finished".equals(status) || "cancelled".equals(status) || "entered-in-error".equals(status) || (status == null && end != null);
    }

    /** Period.start in epoch milliseconds (admission), or null. */
    public Long getStart() { return start; }
    public void setStart(Long start) { this.start = start; }
    /** The latest instant {@link #getStart()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getStartLatest() { return startLatest != null ? startLatest : start; }
    public void setStartLatest(Long latest) { this.startLatest = latest; }
    /** Period.end in epoch milliseconds (discharge), or null. */
    public Long getEnd() { return end; }
    public void setEnd(Long end) { this.end = end; }
    /** The latest instant {@link #getEnd()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getEndLatest() { return endLatest != null ? endLatest : end; }
    public void setEndLatest(Long latest) { this.endLatest = latest; }

    /** Length of the stay in hours, or -1 when either end is missing. */
    public double getHours() { return start == null || end == null ? -1 : (end - start) / 3_600_000d; }

    /** The time a deadline counts from: "admission" (period.start) or "discharge" (period.end). */
    public Long anchor(String which) {
        return "discharge".equals(which) ? end : start;
    }

    /** The latest instant the anchor may stand for (the end of the admission day when only a date is known). */
    public Long anchorLatest(String which) {
        return "discharge".equals(which) ? getEndLatest() : getStartLatest();
    }

    /**
     * Hours from admission to discharge, or to {@code now} while the stay is open; -1 without a start, and -1 for a
     * finished stay whose end is not recorded (its length is unknown, not "until now"). At the precision of the
     * data: the shortest length the recorded times allow.
     */
    public double hoursUntil(long now) {
        if (start == null) return -1;
        if (end == null && isFinished()) return -1;
        return ((end != null ? end : now) - getStartLatest()) / 3_600_000d;
    }

    /** Department code (serviceType coding), used for department scope. */
    public String getDepartmentCode() { return departmentCode; }
    public void setDepartmentCode(String departmentCode) { this.departmentCode = departmentCode; }
    /** Department name (serviceType text or display). */
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }

    /** hospitalization.dischargeDisposition code (home, exp = expired, ...). */
    public String getDischargeDisposition() { return dischargeDisposition; }
    public void setDischargeDisposition(String dischargeDisposition) { this.dischargeDisposition = dischargeDisposition; }
    public String getDischargeDispositionText() { return dischargeDispositionText; }
    public void setDischargeDispositionText(String t) { this.dischargeDispositionText = t; }
    /** True when the patient died during this stay (disposition "exp" or 死亡). */
    public boolean isDiedDuringStay() {
        return "exp".equals(dischargeDisposition) || "死亡".equals(dischargeDispositionText) || "5".equals(dischargeDisposition) && dischargeDispositionText != null && dischargeDispositionText.contains("死亡");
    }

    public boolean covers(Long t) { return t != null && start != null && t >= start && (end == null || t <= end); }

    /**
     * Whether a time known to lie in [earliest, latest] may fall inside the stay at the precision of both: a
     * procedure dated by day on the day of admission may be inside a stay that began that afternoon. False only when
     * it is certainly before admission or certainly after discharge; unknown start = cannot tell (true).
     */
    public boolean mayCover(Long earliest, Long latest) {
        if (earliest == null || start == null) return true;
        long hi = latest != null ? latest : earliest;
        if (hi < start) return false;
        return end == null || earliest <= getEndLatest();
    }

    /** Encounter.location: the wards and units of the stay, in the order the feed gives them. */
    public java.util.List<EncounterLocation> getLocations() { return locations; }
}
