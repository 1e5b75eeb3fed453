package org.emrqc.console.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emrqc.console.admin.RuleQuality;
import org.emrqc.console.config.ConsoleConfig;

/** Rule quality for admins (and reviewers): firing counts, verdicts, precision and mute/review suggestions per rule. */
@Path("/api/v1/admin/rules/quality")
public class RuleQualityResource {
    @Inject
    RuleQuality quality;
    @Inject
    ConsoleConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    @Transactional
    public Map<String, Object> get() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("minVerdicts", config.quality().minVerdicts());
        out.put("muteBelow", config.quality().muteBelow());
        out.put("reviewBelow", config.quality().reviewBelow());
        out.put("rules", quality.report());
        return out;
    }
}
