package org.emrqc.fhir;

/**
 * Something wrong with an input: which file (and line for NDJSON), where in it (JSON path, line/column) and
 * what. {@link #toString()} is the one line a user sees.
 */
public record InputProblem(String source, String location, String message, boolean fatal) {

    public static InputProblem error(String source, String location, String message) {
        return new InputProblem(source, location, message, true);
    }

    public static InputProblem warning(String source, String location, String message) {
        return new InputProblem(source, location, message, false);
    }

    @Override
    public String toString() {
        return source + (location == null || location.isEmpty() ? "" : ": " + location) + ": " + message;
    }
}
