package org.emrqc.console.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json with a clear message; never a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problem.response(e.status(), e.title(), e.getMessage(), e.extensions());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers) {
        return unauthorized(headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers) {
        return unauthorized(headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "Forbidden", "your role may not do this");
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(ProblemMappers::describe).sorted().collect(Collectors.joining("; "));
        return Problem.response(400, "Bad Request", detail);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 ? "no such resource" : status == 405 ? "method not allowed here"
                : status == 415 ? "unsupported content type: send application/json (or application/fhir+json)"
                : status == 406 ? "not acceptable: this resource answers JSON" : messageOf(e);
        return Problem.response(status, title, detail);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error", e);
        return Problem.response(500, "Internal Server Error", "the console failed to process the request; the server log has the details");
    }

    private static Response unauthorized(HttpHeaders headers) {
        Response.ResponseBuilder b = Response.status(401).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Unauthorized", 401, "log in (form login or HTTP Basic) to use this resource"));
        // browsers would show their own login dialog for a Basic challenge: the UI sends X-Requested-With to avoid it
        if (headers.getHeaderString("X-Requested-With") == null) b.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"emrqc\"");
        return b.build();
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return (dot >= 0 ? path.substring(dot + 1) : path) + ": " + v.getMessage();
    }

    private static String messageOf(WebApplicationException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "the request could not be processed" : m;
    }
}
