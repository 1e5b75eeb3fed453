package org.emrqc.rules.admin;

/** An edit of a pack that cannot be made (unknown region, rule or parameter, bad value); the message says why. */
public class InvalidEditException extends IllegalArgumentException {
    public InvalidEditException(String message) { super(message); }
}
