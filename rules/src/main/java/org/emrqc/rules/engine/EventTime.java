package org.emrqc.rules.engine;

import org.emrqc.model.Localized;

/**
 * One time a fact records (what it is, and when), for time-order rules: the earliest instant the value stands for
 * and the latest (the end of its day when the source gives a date only).
 */
public record EventTime(Localized what, long at, long latest) {
    public EventTime(Localized what, long at) { this(what, at, at); }

    public long getAt() { return at; }
    public long getLatest() { return latest; }
    public Localized getWhat() { return what; }
    /** The time for a message, at its precision. */
    public Object shown() { return new ShownTime(at, latest); }
}
