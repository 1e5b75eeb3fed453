package org.emrqc.console.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.console.ingest.QcEngine;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;

/** The rules in effect in a region (default: the console's), for filters and pick lists: id, titles, class, severity. */
@Path("/api/v1/rules")
public class RulesResource {
    @Inject
    QcEngine engine;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reviewer", "admin", "physician"})
    public Map<String, Object> list(@QueryParam("region") String region) {
        EffectiveRuleSet set;
        try {
            set = engine.ruleSet(region == null || region.isBlank() ? null : region.strip());
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("region: " + e.getMessage());
        }
        List<Map<String, Object>> rules = set.enabled().stream().sorted((a, b) -> a.id().compareTo(b.id())).map(RulesResource::json).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pack", set.pack().label());
        out.put("region", set.resolvedRegion());
        out.put("rules", rules);
        return out;
    }

    private static Map<String, Object> json(EffectiveRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("titleZh", r.definition().title() == null ? null : r.definition().title().zh());
        m.put("titleEn", r.definition().title() == null ? null : r.definition().title().en());
        m.put("defectClass", r.definition().defectClass().name().toLowerCase(java.util.Locale.ROOT));
        m.put("severity", r.severity().name().toLowerCase(java.util.Locale.ROOT));
        m.put("narrative", r.definition().narrative());
        return m;
    }
}
