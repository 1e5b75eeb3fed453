package org.emrqc.rules.engine;

/** One time a fact records (what it is, and when), for time-order rules. */
public record EventTime(String what, long at) {
    public long getAt() { return at; }
    public String getWhat() { return what; }
}
