package org.emrqc.console.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.emrqc.console.ingest.QcEngine;
import org.emrqc.console.stats.Csv;
import org.emrqc.console.stats.Statistics;

/** Statistics as JSON, and each table as CSV. */
@Path("/api/v1")
public class StatsResource {
    static final List<String> TABLES = List.of("defects", "grades", "rules", "timeliness", "indicators", "precision");

    @Inject
    Statistics stats;
    @Inject
    QcEngine engine;

    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reviewer", "admin"})
    @Transactional
    public Map<String, Object> stats(@QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("groupBy") @DefaultValue("department") String groupBy,
                                     @QueryParam("interval") @DefaultValue("month") String interval) {
        return stats.all(query(from, to, groupBy, interval));
    }

    @GET
    @Path("stats.csv")
    @Produces("text/csv")
    @RolesAllowed({"reviewer", "admin"})
    @Transactional
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("groupBy") @DefaultValue("department") String groupBy,
                        @QueryParam("interval") @DefaultValue("month") String interval,
                        @QueryParam("table") @DefaultValue("defects") String table) {
        Statistics.Query q = query(from, to, groupBy, interval);
        String t = Params.oneOf("table", table, TABLES);
        Csv csv = new Csv();
        switch (t) {
            case "defects" -> {
                csv.row(List.of("period", groupBy, "records", "defective", "defect_rate"));
                for (Statistics.DefectRate r : stats.defectRates(q)) csv.row(Arrays.asList(r.period(), r.key(), r.records(), r.defective(), r.rate()));
            }
            case "grades" -> {
                csv.row(List.of("grade", "records"));
                stats.grades(q).forEach((g, n) -> csv.row(List.of(g, n)));
            }
            case "rules" -> {
                csv.row(List.of("rule", "title", "findings", "records"));
                for (Map<String, Object> r : stats.topRules(q, 1000)) csv.row(Arrays.asList(r.get("ruleId"), r.get("title"), r.get("findings"), r.get("records")));
            }
            case "timeliness" -> {
                csv.row(List.of("indicator", "name", "records", "within_24h", "rate"));
                for (Map<String, Object> r : stats.timeliness(q)) csv.row(Arrays.asList(r.get("indicator"), r.get("name"), r.get("records"), r.get("within24h"), r.get("rate")));
            }
            case "indicators" -> {
                csv.row(List.of("indicator", "number", "name", "period", groupBy, "denominator", "numerator", "rate"));
                for (Map<String, Object> r : stats.indicators(q)) {
                    @SuppressWarnings("unchecked")
                    Map<String, String> name = (Map<String, String>) r.get("name");
                    csv.row(Arrays.asList(r.get("code"), r.get("number"), name.get("zh"), "", "", r.get("denominator"), r.get("numerator"), r.get("rate")));
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> groups = (List<Map<String, Object>>) r.get("groups");
                    for (Map<String, Object> g : groups) {
                        csv.row(Arrays.asList(r.get("code"), r.get("number"), name.get("zh"), g.get("period"), g.get("key"), g.get("denominator"),
                                g.get("numerator"), g.get("rate")));
                    }
                }
            }
            default -> {
                csv.row(List.of("rule", "confirmed", "dismissed", "precision", "precision_low_95", "precision_high_95"));
                for (Map<String, Object> r : stats.precision(q)) {
                    csv.row(Arrays.asList(r.get("ruleId"), r.get("confirmed"), r.get("dismissed"), r.get("precision"), r.get("low"), r.get("high")));
                }
            }
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"emrqc-" + t + ".csv\"").build();
    }

    /** Drill-down: the records in an indicator's denominator, with why and the findings that decided the numerator. */
    @GET
    @Path("stats/indicators/{code}/records")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reviewer", "admin"})
    @Transactional
    public Map<String, Object> indicatorRecords(@jakarta.ws.rs.PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to,
                                                @QueryParam("department") String department, @QueryParam("doctor") String doctor,
                                                @QueryParam("numerator") String numerator, @QueryParam("limit") @DefaultValue("200") int limit) {
        Statistics.Query q = query(from, to, "department", "month");
        Boolean in = numerator == null || numerator.isBlank() ? null : Boolean.valueOf(Params.oneOf("numerator", numerator, List.of("true", "false")));
        if (limit < 1 || limit > 1000) throw ProblemException.badRequest("limit: 1 to 1000");
        List<Map<String, Object>> records;
        try {
            records = stats.indicatorRecords(q, code, department, doctor, in, limit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(e.getMessage());
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("code", code);
        out.put("records", records);
        return out;
    }

    private Statistics.Query query(String from, String to, String groupBy, String interval) {
        return new Statistics.Query(Params.time("from", from, engine.zone(), false), Params.time("to", to, engine.zone(), true),
                Params.oneOf("groupBy", groupBy, Statistics.GROUPS), Params.oneOf("interval", interval, Statistics.INTERVALS), engine.zone().getId());
    }
}
