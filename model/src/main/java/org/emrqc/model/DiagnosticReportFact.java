package org.emrqc.model;

import java.util.ArrayList;
import java.util.List;

/** DiagnosticReport: code, status, times, results, and the text of its attachments. */
public final class DiagnosticReportFact extends CodedFact {
    private final List<String> resultIds = new ArrayList<>();
    private final List<String> basedOnIds = new ArrayList<>();
    private final List<Coding> categories = new ArrayList<>();
    private String categoryText;
    private String kind;
    private String status;
    private Long effective;
    private Long effectiveLatest;
    private Long issued;
    private Long issuedLatest;
    private String text;

    public DiagnosticReportFact(String id) { super("DiagnosticReport", id); }

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
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
    public List<String> getResultIds() { return resultIds; }
    /** The ids of the orders (ServiceRequest) the report answers. */
    public List<String> getBasedOnIds() { return basedOnIds; }
    /** DiagnosticReport.category (v2-0074 service sections: RAD, CT, PAT, MB …). */
    public List<Coding> getCategories() { return categories; }
    public String getCategoryText() { return categoryText; }
    public void setCategoryText(String categoryText) { this.categoryText = categoryText; }
    /** The examination it reports (ct-mri, pathology, culture …) from the act-kinds table; null when unknown. */
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    @Override public boolean isVoided() { return "entered-in-error".equals(status) || "cancelled".equals(status); }
    /** Decoded text of presentedForm attachments (text/plain), or null. */
    public String getNarrative() { return text; }
    public void setNarrative(String text) { this.text = text; }
}
