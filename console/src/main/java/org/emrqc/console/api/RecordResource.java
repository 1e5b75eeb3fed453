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
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.console.audit.AuditLog;
import org.emrqc.console.ingest.QcEngine;
import org.emrqc.console.ingest.RecordIngest;
import org.emrqc.console.ingest.RecordStore;
import org.emrqc.console.review.Access;
import org.emrqc.console.review.Tasks;
import org.emrqc.console.security.CurrentUser;
import org.emrqc.console.store.QcRecord;
import org.emrqc.console.view.RecordView;

/** Records: submit (check and store), check only ($qc), and the record view. */
@Path("/api/v1/records")
public class RecordResource {
    public static final String FHIR_JSON = "application/fhir+json";

    @Inject
    RecordIngest ingest;
    @Inject
    QcEngine engine;
    @Inject
    RecordView view;
    @Inject
    Access access;
    @Inject
    AuditLog audit;
    @Inject
    CurrentUser user;
    @Inject
    Tasks tasks;

    /** Checks a FHIR Bundle in this process and stores the record(s) and findings: 201 with a summary per record. */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, FHIR_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"integration", "admin", "reviewer"})
    public Response submit(byte[] body, @QueryParam("region") String region) {
        List<RecordStore.Stored> stored = ingest.submit(body, region);
        List<Map<String, Object>> records = stored.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            QcRecord r = QcRecord.findById(s.recordId());
            m.put("recordId", s.recordId());
            m.put("recordKey", s.recordKey());
            m.put("patientRef", r.patientRef);
            m.put("grade", r.grade);
            m.put("score", r.score);
            m.put("findings", s.findings());
            return m;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("records", records);
        return Response.created(URI.create("/api/v1/records/" + stored.get(0).recordId())).entity(out).build();
    }

    /**
     * Checks a FHIR Bundle and returns the findings Bundle `check` writes; stores nothing. The operation is a path
     * parameter because RESTEasy Reactive reads '$' in a literal path as a regular-expression anchor.
     */
    @POST
    @Path("{operation}")
    @Consumes({MediaType.APPLICATION_JSON, FHIR_JSON})
    @Produces({FHIR_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({"integration", "admin", "reviewer", "physician"})
    public Response qc(@PathParam("operation") String operation, byte[] body, @QueryParam("region") String region) {
        if (!"$qc".equals(operation)) throw ProblemException.notFound("no operation " + operation + " on records (the one there is: $qc)");
        // each submission is its own input: its bundle identifier and score ids differ from any other's
        QcEngine.Checked checked = engine.check("qc-" + java.util.UUID.randomUUID(), body, region);
        return Response.ok(engine.json(checked.bundle()), FHIR_JSON).build();
    }

    /** The record view (summary, documents, facts, findings with explanations); every view is audited. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reviewer", "admin", "physician"})
    @Transactional
    public Map<String, Object> get(@PathParam("id") String id) {
        QcRecord r = access.readableRecord(id);
        audit.record("record.view", "record", id, null, Map.of("patientRef", r.patientRef == null ? "" : r.patientRef));
        return view.of(r, user.account().locale);
    }

    /** {assignee: physician username, dueDate: yyyy-MM-dd, note} */
    public record TaskRequest(String assignee, String dueDate, String note) { }

    /** Sends the record back to a physician as a rectification task. */
    @POST
    @Path("{id}/tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reviewer", "admin"})
    public Response create(@PathParam("id") String recordId, TaskRequest body) {
        if (body == null) throw ProblemException.badRequest("body: {\"assignee\": \"...\", \"dueDate\": \"yyyy-MM-dd\", \"note\": \"...\"}");
        Map<String, Object> t = tasks.create(recordId, Params.required("assignee", body.assignee()), Params.date("dueDate", body.dueDate()),
                body.note(), user.account());
        return Response.status(201).entity(t).build();
    }

}
