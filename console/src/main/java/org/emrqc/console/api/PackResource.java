package org.emrqc.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.console.ingest.QcEngine;
import org.emrqc.console.packs.PackAdmin;
import org.emrqc.console.packs.ShadowRun;
import org.emrqc.console.store.PackVersionRow;
import org.emrqc.rules.admin.OverlayEditor;
import org.emrqc.rules.admin.ValidationReport;
import org.emrqc.rules.pack.DepartmentScope;

/**
 * Rule-pack administration (admin only): packs and versions, regions and effective rules with the origin of each
 * setting, drafts and their edits, validation, publishing, diff, import/export, activation/rollback and shadow runs.
 * Errors are problem+json; validation failures carry the list of problems ({@code problems}: file, line, message,
 * stage).
 */
@Path("/api/v1/admin/packs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class PackResource {
    static final String ZIP = "application/zip";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public record DraftRequest(String from, String note) { }

    public record Scope(List<String> include, List<String> exclude) { }

    /** A rule's settings in one region of a draft; absent fields are left as they are; {@code clear} drops overrides. */
    public record RuleRequest(Boolean enabled, Map<String, Object> params, String severity, Double points, Boolean veto, Scope departments,
                              List<String> clear) { }

    public record Names(String en, String zh) { }

    public record RegionRequest(String code, String parent, Names name, String language) { }

    public record PublishRequest(String version, String note) { }

    public record ShadowRequest(Integer last, String from, String to, Integer examples) { }

    @Inject
    PackAdmin admin;
    @Inject
    ShadowRun shadow;
    @Inject
    QcEngine engine;

    @GET
    @Transactional
    public Map<String, Object> list() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("serving", engine.packLabel());
        out.put("packs", admin.list());
        return out;
    }

    @GET
    @Path("{pack}/activations")
    @Transactional
    public List<Map<String, Object>> activations(@PathParam("pack") String pack) {
        if (PackVersionRow.count("packId", pack) == 0) throw ProblemException.notFound("no pack " + pack);
        return admin.activations(pack);
    }

    @GET
    @Path("{pack}/versions/{version}")
    @Transactional
    public Map<String, Object> version(@PathParam("pack") String pack, @PathParam("version") String version) {
        return admin.detail(pack, version);
    }

    @DELETE
    @Path("{pack}/versions/{version}")
    @Transactional
    public Response delete(@PathParam("pack") String pack, @PathParam("version") String version) {
        admin.deleteDraft(pack, version);
        return Response.noContent().build();
    }

    @GET
    @Path("{pack}/versions/{version}/regions")
    @Transactional
    public List<Map<String, Object>> regions(@PathParam("pack") String pack, @PathParam("version") String version) {
        return admin.regions(pack, version);
    }

    @GET
    @Path("{pack}/versions/{version}/regions/{region}/rules")
    @Transactional
    public Map<String, Object> rules(@PathParam("pack") String pack, @PathParam("version") String version, @PathParam("region") String region) {
        return admin.effectiveRules(pack, version, region);
    }

    @POST
    @Path("{pack}/drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response draft(@PathParam("pack") String pack, DraftRequest body) {
        PackVersionRow d = admin.createDraft(pack, body == null ? null : body.from(), body == null ? null : body.note());
        return Response.status(201).entity(admin.detail(d.packId, d.version)).build();
    }

    @PUT
    @Path("{pack}/versions/{version}/regions/{region}/rules/{rule}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> editRule(@PathParam("pack") String pack, @PathParam("version") String version, @PathParam("region") String region,
                                        @PathParam("rule") String rule, RuleRequest body) {
        if (body == null) throw ProblemException.badRequest("body: {enabled, params, severity, points, veto, departments, clear} (any of them)");
        if (body.enabled() == null && body.params() == null && body.severity() == null && body.points() == null && body.veto() == null
                && body.departments() == null && (body.clear() == null || body.clear().isEmpty())) {
            throw ProblemException.badRequest("nothing to change: send at least one of enabled, params, severity, points, veto, departments, clear");
        }
        DepartmentScope scope = body.departments() == null ? null : new DepartmentScope(body.departments().include(), body.departments().exclude());
        return admin.editRule(pack, version, new OverlayEditor.RuleEdit(region, rule, body.enabled(), body.params(), body.severity(), body.points(),
                body.veto(), scope, body.clear()));
    }

    @POST
    @Path("{pack}/versions/{version}/regions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response addRegion(@PathParam("pack") String pack, @PathParam("version") String version, RegionRequest body) {
        if (body == null) throw ProblemException.badRequest("body: {code, parent, name: {en, zh}}");
        String code = Params.required("code", body.code());
        Names n = body.name() == null ? new Names(null, null) : body.name();
        return Response.status(201).entity(admin.addRegion(pack, version, new OverlayEditor.NewRegion(code, body.parent(), n.en(), n.zh(), body.language()))).build();
    }

    @PUT
    @Path("{pack}/versions/{version}/knowledge/{table}")
    @Consumes({"text/csv", XLSX})
    @Transactional
    public Map<String, Object> knowledge(@PathParam("pack") String pack, @PathParam("version") String version, @PathParam("table") String table,
                                         @jakarta.ws.rs.core.Context HttpHeaders headers, byte[] body) {
        return admin.putKnowledge(pack, version, table, body, isXlsx(headers));
    }

    /** Simple rules authored as a spreadsheet (columns: see RuleSheet) into a draft as rules/sheet-NAME.yaml. */
    @PUT
    @Path("{pack}/versions/{version}/rule-sheets/{name}")
    @Consumes({"text/csv", XLSX})
    @Transactional
    public Map<String, Object> ruleSheet(@PathParam("pack") String pack, @PathParam("version") String version, @PathParam("name") String name,
                                         @jakarta.ws.rs.core.Context HttpHeaders headers, byte[] body) {
        return admin.putRuleSheet(pack, version, name, body, isXlsx(headers));
    }

    @POST
    @Path("{pack}/versions/{version}/validate")
    @Transactional
    public ValidationReport validate(@PathParam("pack") String pack, @PathParam("version") String version) {
        return admin.validate(pack, version);
    }

    @POST
    @Path("{pack}/versions/{version}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> publish(@PathParam("pack") String pack, @PathParam("version") String version, PublishRequest body) {
        PackVersionRow r = admin.publish(pack, version, body == null ? null : body.version(), body == null ? null : body.note());
        return admin.detail(r.packId, r.version);
    }

    @GET
    @Path("{pack}/versions/{version}/diff")
    @Transactional
    public JsonNode diff(@PathParam("pack") String pack, @PathParam("version") String version) {
        return admin.diff(pack, version);
    }

    @GET
    @Path("{pack}/versions/{version}/export")
    @Produces({ZIP, MediaType.APPLICATION_JSON})
    @Transactional
    public Response export(@PathParam("pack") String pack, @PathParam("version") String version) {
        byte[] zip = admin.export(pack, version);
        return Response.ok(zip, ZIP).header("Content-Disposition", "attachment; filename=\"" + pack + "-" + version + ".zip\"").build();
    }

    @POST
    @Path("import")
    @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM, "application/x-zip-compressed"})
    @Transactional
    public Response importZip(byte[] body, @QueryParam("version") String version, @QueryParam("note") String note) {
        if (body == null || body.length == 0) throw ProblemException.badRequest("empty body: send the pack as a zip (Content-Type: application/zip)");
        PackVersionRow d = admin.importZip(body, version, note);
        return Response.status(201).entity(admin.detail(d.packId, d.version)).build();
    }

    @POST
    @Path("{pack}/versions/{version}/activate")
    @Transactional
    public Map<String, Object> activate(@PathParam("pack") String pack, @PathParam("version") String version) {
        return admin.activate(pack, version);
    }

    @POST
    @Path("{pack}/versions/{version}/shadow")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> shadow(@PathParam("pack") String pack, @PathParam("version") String version, ShadowRequest body) {
        ShadowRequest b = body == null ? new ShadowRequest(null, null, null, null) : body;
        return shadow.run(pack, version, b.last(), Params.time("from", b.from(), engine.zone(), false), Params.time("to", b.to(), engine.zone(), true), b.examples());
    }

    /** An upload sent as a spreadsheet (XLSX) rather than CSV. */
    private static boolean isXlsx(HttpHeaders headers) {
        return headers.getMediaType() != null && XLSX.equals(headers.getMediaType().getType() + "/" + headers.getMediaType().getSubtype());
    }
}
