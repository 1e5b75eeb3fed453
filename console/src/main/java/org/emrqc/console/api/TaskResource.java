package org.emrqc.console.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.emrqc.console.review.Tasks;
import org.emrqc.console.security.CurrentUser;
import org.emrqc.console.security.Roles;

/** Rectification tasks: list, appeal, decide, done (a record is sent back with POST /api/v1/records/{id}/tasks). */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
    static final List<String> STATUSES = List.of("open", "appealed", "appeal_accepted", "appeal_rejected", "done");

    /** {reason} */
    public record AppealRequest(String reason) { }
    /** {accept, reason} */
    public record DecisionRequest(Boolean accept, String reason) { }

    @Inject
    Tasks tasks;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({"reviewer", "admin", "physician"})
    @Transactional
    public List<Map<String, Object>> list(@QueryParam("status") String status) {
        return tasks.list(user.account(), !user.is(Roles.PHYSICIAN), Params.oneOf("status", status, STATUSES));
    }

    @POST
    @Path("{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("physician")
    public Map<String, Object> appeal(@PathParam("id") long id, AppealRequest body) {
        return tasks.appeal(id, body == null ? null : body.reason(), user.account());
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reviewer", "admin"})
    public Map<String, Object> decide(@PathParam("id") long id, DecisionRequest body) {
        if (body == null) throw ProblemException.badRequest("body: {\"accept\": true|false, \"reason\": \"...\"}");
        return tasks.decide(id, body.accept(), body.reason(), user.account());
    }

    @POST
    @Path("{id}/done")
    @RolesAllowed({"reviewer", "admin", "physician"})
    public Map<String, Object> done(@PathParam("id") long id) {
        return tasks.done(id, user.account(), !user.is(Roles.PHYSICIAN));
    }
}
