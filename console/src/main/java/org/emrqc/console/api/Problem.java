package org.emrqc.console.api;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem: {type, title, status, detail}, sent as application/problem+json. */
public record Problem(String type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail) {
        Problem p = new Problem("about:blank", title, status, detail);
        return Response.status(status).type(MEDIA_TYPE).entity(p).build();
    }
}
