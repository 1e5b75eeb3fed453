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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.emrqc.console.review.Tasks;
import org.emrqc.console.security.CurrentUser;
import org.emrqc.console.security.Roles;

/** Rectification tasks: send back, list, appeal, decide, done. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
    static final List<String> STATUSES = List.of("open", "appealed", "appeal_accepted", "appeal_rejected", "done");

    /** {assignee: physician username, dueDate: yyyy-MM-dd, note} */
    public record TaskRequest(String assignee, String dueDate, String note) { }
    /** {reason} */
    public record AppealRequest(String reason) { }
    /** {accept, reason} */
    public record DecisionRequest(Boolean accept, String reason) { }

    @Inject
    Tasks tasks;
    @Inject
    CurrentUser user;

    @POST
    @Path("records/{id}/tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reviewer", "admin"})
    public Response create(@PathParam("id") String recordId, TaskRequest body) {
        if (body == null) throw ProblemException.badRequest("body: {\"assignee\": \"...\", \"dueDate\": \"yyyy-MM-dd\", \"note\": \"...\"}");
        Map<String, Object> t = tasks.create(recordId, Params.required("assignee", body.assignee()), Params.date("dueDate", body.dueDate()),
                body.note(), user.account());
        return Response.status(201).entity(t).build();
    }

    @GET
    @Path("tasks")
    @RolesAllowed({"reviewer", "admin", "physician"})
    @Transactional
    public List<Map<String, Object>> list(@QueryParam("status") String status) {
        return tasks.list(user.account(), !user.is(Roles.PHYSICIAN), Params.oneOf("status", status, STATUSES));
    }

    @POST
    @Path("tasks/{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("physician")
    public Map<String, Object> appeal(@PathParam("id") long id, AppealRequest body) {
        return tasks.appeal(id, body == null ? null : body.reason(), user.account());
    }

    @POST
    @Path("tasks/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reviewer", "admin"})
    public Map<String, Object> decide(@PathParam("id") long id, DecisionRequest body) {
        if (body == null) throw ProblemException.badRequest("body: {\"accept\": true|false, \"reason\": \"...\"}");
        return tasks.decide(id, body.accept(), body.reason(), user.account());
    }

    @POST
    @Path("tasks/{id}/done")
    @RolesAllowed({"reviewer", "admin", "physician"})
    public Map<String, Object> done(@PathParam("id") long id) {
        return tasks.done(id, user.account(), !user.is(Roles.PHYSICIAN));
    }
}
