package org.emrqc.model;

/** Encounter: class (IMP, EMER, AMB ...), status, period, department, discharge disposition. */
public final class EncounterFact extends Fact {
    private String classCode;
    private String status;
    private Long start;
    private Long end;
    private String departmentCode;
    private String department;
    private String dischargeDisposition;
    private String dischargeDispositionText;

    public EncounterFact(String id) { super("Encounter", id); setEncounterId(id); }

    /** v3 ActCode: IMP (inpatient), EMER (emergency), AMB (ambulatory), ... */
    public String getClassCode() { return classCode; }
    public void setClassCode(String classCode) { this.classCode = classCode; }
    public boolean isInpatient() { return "IMP".equals(classCode) || "ACUTE".equals(classCode) || "NONAC".equals(classCode); }
    public boolean isEmergency() { return "EMER".equals(classCode); }

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public boolean isFinished() { return "finished".equals(status) || (status == null && end != null); }

    /** Period.start in epoch milliseconds (admission), or null. */
    public Long getStart() { return start; }
    public void setStart(Long start) { this.start = start; }
    /** Period.end in epoch milliseconds (discharge), or null. */
    public Long getEnd() { return end; }
    public void setEnd(Long end) { this.end = end; }

    /** Length of the stay in hours, or -1 when either end is missing. */
    public double getHours() { return start == null || end == null ? -1 : (end - start) / 3_600_000d; }

    /** The time a deadline counts from: "admission" (period.start) or "discharge" (period.end). */
    public Long anchor(String which) {
        return "discharge".equals(which) ? end : start;
    }

    /** Hours from admission to discharge, or to {@code now} while the stay is open; -1 without a start. */
    public double hoursUntil(long now) {
        if (start == null) return -1;
        return ((end != null ? end : now) - start) / 3_600_000d;
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
}
