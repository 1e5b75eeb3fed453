package org.emrqc.console.api;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem: {type, title, status, detail}, sent as application/problem+json. */
public record Problem(String type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail) {
        Problem p = new Problem("about:blank", title, status, detail);
        return Response.status(status).type(MEDIA_TYPE).entity(p).build();
    }

    /** A problem with extension members after the standard ones. */
    public static Response response(int status, String title, String detail, java.util.Map<String, Object> extensions) {
        if (extensions == null || extensions.isEmpty()) return response(status, title, detail);
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        extensions.forEach(body::putIfAbsent);
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
