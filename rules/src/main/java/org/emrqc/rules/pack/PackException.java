package org.emrqc.rules.pack;

/** A rule pack that cannot be loaded or compiled: the message names the file, the place and what is wrong. */
public class PackException extends RuntimeException {
    public PackException(String message) { super(message); }
    public PackException(String message, Throwable cause) { super(message, cause); }
}
