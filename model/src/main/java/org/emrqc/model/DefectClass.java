package org.emrqc.model;

/** The five defect classes of medical-record QC (不完整, 不一致, 不正确, 不合理, 不及时). */
public enum DefectClass {
    INCOMPLETE("incomplete", "不完整", "Incomplete"),
    INCONSISTENT("inconsistent", "不一致", "Inconsistent"),
    INCORRECT("incorrect", "不正确", "Incorrect"),
    UNREASONABLE("unreasonable", "不合理", "Unreasonable"),
    UNTIMELY("untimely", "不及时", "Untimely");

    private final String code;
    private final String zh;
    private final String en;

    DefectClass(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public String code() { return code; }
    public String zh() { return zh; }
    public String en() { return en; }

    public static DefectClass fromCode(String code) {
        for (DefectClass d : values()) if (d.code.equals(code)) return d;
        throw new IllegalArgumentException("unknown defect class '" + code + "' (expected one of incomplete, inconsistent, incorrect, unreasonable, untimely)");
    }
}
