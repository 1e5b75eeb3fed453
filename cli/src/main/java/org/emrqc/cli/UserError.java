package org.emrqc.cli;

/** A mistake in how a command was called: printed as one line, exit status 2, no stack trace. */
final class UserError extends RuntimeException {
    UserError(String message) { super(message); }
}
