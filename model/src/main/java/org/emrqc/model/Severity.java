package org.emrqc.model;

/** DetectedIssue.severity: high (veto-level), moderate (major), low (minor). */
public enum Severity {
    HIGH("high"), MODERATE("moderate"), LOW("low");

    private final String code;

    Severity(String code) { this.code = code; }

    public String code() { return code; }

    public static Severity fromCode(String code) {
        for (Severity s : values()) if (s.code.equals(code)) return s;
        throw new IllegalArgumentException("unknown severity '" + code + "' (expected high, moderate or low)");
    }
}
