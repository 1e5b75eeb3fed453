package org.emrqc.model;

import java.util.ArrayList;
import java.util.List;

/** DiagnosticReport: code, status, times, results, and the text of its attachments. */
public final class DiagnosticReportFact extends CodedFact {
    private final List<String> resultIds = new ArrayList<>();
    private String status;
    private Long effective;
    private Long issued;
    private String text;

    public DiagnosticReportFact(String id) { super("DiagnosticReport", id); }

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getEffective() { return effective; }
    public void setEffective(Long effective) { this.effective = effective; }
    public Long getIssued() { return issued; }
    public void setIssued(Long issued) { this.issued = issued; }
    public List<String> getResultIds() { return resultIds; }
    /** Decoded text of presentedForm attachments (text/plain), or null. */
    public String getNarrative() { return text; }
    public void setNarrative(String text) { this.text = text; }
}
