package org.emrqc.console.api;

/** A request the console refuses, with the HTTP status and a message meant for the person who sent it. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException badRequest(String detail) { return new ProblemException(400, "Bad Request", detail); }
    public static ProblemException notFound(String detail) { return new ProblemException(404, "Not Found", detail); }
    public static ProblemException forbidden(String detail) { return new ProblemException(403, "Forbidden", detail); }
    public static ProblemException conflict(String detail) { return new ProblemException(409, "Conflict", detail); }

    public int status() { return status; }
    public String title() { return title; }
}
