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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.console.audit.AuditLog;
import org.emrqc.console.review.Access;
import org.emrqc.console.security.CurrentUser;
import org.emrqc.console.store.CommentRow;
import org.emrqc.console.store.FindingRow;
import org.emrqc.console.store.QcRecord;
import org.emrqc.console.store.UserAccount;

/** Comments on a record or one of its findings: the conversation between reviewer and physician. */
@Path("/api/v1/records/{id}/comments")
public class CommentResource {
    static final int MAX_CHARS = 4000;

    @Inject
    Access access;
    @Inject
    AuditLog audit;
    @Inject
    CurrentUser user;

    /** {body, findingId (optional: a finding of this record)} */
    public record CommentRequest(String body, String findingId) { }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reviewer", "admin", "physician"})
    @Transactional
    public List<Map<String, Object>> list(@PathParam("id") String recordId) {
        access.readableRecord(recordId);
        List<CommentRow> rows = CommentRow.list("recordId = ?1 order by at, id", recordId);
        return rows.stream().map(CommentResource::json).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reviewer", "admin", "physician"})
    @Transactional
    public Response add(@PathParam("id") String recordId, CommentRequest request) {
        QcRecord record = access.readableRecord(recordId);
        if (request == null) throw ProblemException.badRequest("body: {\"body\": \"...\", \"findingId\": \"... (optional)\"}");
        String body = Params.required("body", request.body() == null ? null : request.body().strip());
        if (body.length() > MAX_CHARS) throw ProblemException.badRequest("body: at most " + MAX_CHARS + " characters (" + body.length() + " given)");
        String finding = request.findingId() == null || request.findingId().isBlank() ? null : request.findingId().strip();
        if (finding != null) {
            FindingRow f = FindingRow.findById(finding);
            if (f == null || !f.recordId.equals(record.id)) throw ProblemException.badRequest("findingId: " + finding + " is not a finding of record " + recordId);
        }
        UserAccount me = user.account();
        CommentRow c = new CommentRow();
        c.recordId = record.id;
        c.findingId = finding;
        c.userId = me.id;
        c.body = body;
        c.at = Instant.now();
        c.persist();
        Map<String, Object> out = json(c);
        audit.record("comment.add", "record", record.id, null, out);
        return Response.status(201).entity(out).build();
    }

    private static Map<String, Object> json(CommentRow c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id);
        m.put("findingId", c.findingId);
        UserAccount by = c.userId == null ? null : UserAccount.findById(c.userId);
        m.put("by", by == null ? null : by.username);
        m.put("body", c.body);
        m.put("at", c.at.toString());
        return m;
    }
}
