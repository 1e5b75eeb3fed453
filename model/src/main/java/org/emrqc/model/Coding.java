package org.emrqc.model;

import java.util.Objects;

/** One code from a code system, as written in the record (system URI, code, display, version). */
public final class Coding {
    private final String system;
    private final String code;
    private final String display;
    private final String version;

    public Coding(String system, String code, String display, String version) {
        this.system = system;
        this.code = code;
        this.display = display;
        this.version = version;
    }

    public Coding(String system, String code, String display) {
        this(system, code, display, null);
    }

    public String getSystem() { return system; }
    public String getCode() { return code; }
    public String getDisplay() { return display; }
    public String getVersion() { return version; }

    public boolean is(String system, String code) {
        return Objects.equals(this.system, system) && Objects.equals(this.code, code);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Coding c && Objects.equals(system, c.system) && Objects.equals(code, c.code);
    }
    @Override public int hashCode() { return Objects.hash(system, code); }
    @Override public String toString() { return (system == null ? "" : system + "|") + code + (display == null ? "" : " " + display); }
}
