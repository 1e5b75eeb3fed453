package org.emrqc.console.api;

/** A request the console refuses, with the HTTP status and a message meant for the person who sent it. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final java.util.Map<String, Object> extensions = new java.util.LinkedHashMap<>();

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException badRequest(String detail) { return new ProblemException(400, "Bad Request", detail); }
    public static ProblemException notFound(String detail) { return new ProblemException(404, "Not Found", detail); }
    public static ProblemException forbidden(String detail) { return new ProblemException(403, "Forbidden", detail); }
    public static ProblemException conflict(String detail) { return new ProblemException(409, "Conflict", detail); }

    /** An extension member of the problem (RFC 9457 §3.2), e.g. the list of validation problems. */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public java.util.Map<String, Object> extensions() { return extensions; }

    public int status() { return status; }
    public String title() { return title; }
}
