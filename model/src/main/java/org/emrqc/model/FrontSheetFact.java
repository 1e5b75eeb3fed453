package org.emrqc.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The 病案首页 (front sheet) fields of one stay that are not facts of their own, read from the Encounter (admission
 * route, discharge disposition and destination, autopsy, each diagnosis's use, rank and 入院病情), the procedures
 * (主要手术, incision class and healing grade, anaesthesia) and the patient's Coverage (payer). Implicates the
 * Encounter. The front sheet itself — when it was completed — is the document of kind front-sheet.
 */
public final class FrontSheetFact extends Fact {
    /** One Encounter.diagnosis entry. */
    public record Diagnosis(String conditionId, String label, Integer rank, String use, String admissionCondition) { }

    /** One procedure's front-sheet fields. */
    public record Operation(String procedureId, String label, boolean surgical, Integer rank, String incisionClass, String healingGrade,
                            String anesthesia) { }

    private String admitSource;
    private String admitSourceText;
    private String disposition;
    private String dispositionText;
    private boolean destination;
    private Boolean autopsy;
    private Boolean transfusion;
    private String payer;
    private final List<Diagnosis> diagnoses = new ArrayList<>();
    private final List<Operation> operations = new ArrayList<>();

    public FrontSheetFact(String encounterId) {
        super("Encounter", encounterId);
        setEncounterId(encounterId);
    }

    public String getAdmitSource() { return admitSource; }
    public void setAdmitSource(String admitSource) { this.admitSource = admitSource; }
    public String getAdmitSourceText() { return admitSourceText; }
    public void setAdmitSourceText(String t) { this.admitSourceText = t; }
    public String getDisposition() { return disposition; }
    public void setDisposition(String disposition) { this.disposition = disposition; }
    public String getDispositionText() { return dispositionText; }
    public void setDispositionText(String t) { this.dispositionText = t; }
    /** Encounter.hospitalization.destination: the institution a patient was transferred to. */
    public boolean isDestination() { return destination; }
    public void setDestination(boolean destination) { this.destination = destination; }
    /** The autopsy field (尸检), null when not given. */
    public Boolean getAutopsy() { return autopsy; }
    public void setAutopsy(Boolean autopsy) { this.autopsy = autopsy; }
    /** 输血 as the front sheet records it (extension transfusion): true, false (无/未输血), or null when not given. */
    public Boolean getTransfusion() { return transfusion; }
    public void setTransfusion(Boolean transfusion) { this.transfusion = transfusion; }

    /** The payer (医疗付费方式) from Coverage.type, null when the record has no Coverage. */
    public String getPayer() { return payer; }
    public void setPayer(String payer) { this.payer = payer; }
    public List<Diagnosis> getDiagnoses() { return diagnoses; }
    public List<Operation> getOperations() { return operations; }

    public boolean hasAdmitSource() { return admitSource != null || admitSourceText != null; }
    public boolean hasDisposition() { return disposition != null || dispositionText != null; }

    /** 离院方式 is death: code 5 (住院病案首页), exp (HL7), or the text 死亡. */
    public boolean isDeathDisposition() {
        return "5".equals(disposition) || "exp".equals(disposition) || (dispositionText != null && dispositionText.contains("死亡"));
    }

    /** 离院方式 is a transfer to another institution: 2 医嘱转院, 3 医嘱转社区卫生服务机构/乡镇卫生院, or HL7 other-hcf / snf. */
    public boolean isTransferDisposition() {
        return "2".equals(disposition) || "3".equals(disposition) || "other-hcf".equals(disposition) || "snf".equals(disposition)
                || (dispositionText != null && (dispositionText.contains("转院") || dispositionText.contains("转社区") || dispositionText.contains("转乡镇")));
    }
}
