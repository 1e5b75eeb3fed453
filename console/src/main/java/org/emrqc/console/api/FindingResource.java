package org.emrqc.console.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.emrqc.console.review.Verdicts;
import org.emrqc.console.security.CurrentUser;

/** Verdicts on findings. */
@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FindingResource {
    /** {verdict: confirmed|dismissed|rectified, reason} */
    public record VerdictRequest(String verdict, String reason) { }

    @Inject
    Verdicts verdicts;
    @Inject
    CurrentUser user;

    @POST
    @Path("{id}/verdict")
    @RolesAllowed({"reviewer", "admin"})
    public Map<String, Object> verdict(@PathParam("id") String id, VerdictRequest body) {
        if (body == null) throw ProblemException.badRequest("body: {\"verdict\": \"confirmed|dismissed|rectified\", \"reason\": \"...\"}");
        return verdicts.give(id, body.verdict(), body.reason(), user.account());
    }
}
