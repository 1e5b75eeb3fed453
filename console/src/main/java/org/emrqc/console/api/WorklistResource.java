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
import java.util.List;
import java.util.Map;
import org.emrqc.console.ingest.QcEngine;
import org.emrqc.console.security.CurrentUser;
import org.emrqc.console.security.Roles;
import org.emrqc.console.store.UserAccount;
import org.emrqc.console.view.Worklist;

/** The worklist of records with findings. */
@Path("/api/v1/worklist")
@Produces(MediaType.APPLICATION_JSON)
public class WorklistResource {
    static final List<String> SEVERITIES = List.of("high", "moderate", "low");
    static final List<String> DEFECT_CLASSES = List.of("incomplete", "inconsistent", "incorrect", "unreasonable", "untimely");
    static final List<String> STATUSES = List.of("open", "in_review", "returned", "closed");
    static final List<String> GRADES = List.of("甲", "乙", "丙");

    @Inject
    Worklist worklist;
    @Inject
    CurrentUser user;
    @Inject
    QcEngine engine;

    @GET
    @RolesAllowed({"reviewer", "admin", "physician"})
    @Transactional
    public Map<String, Object> list(@QueryParam("department") String department, @QueryParam("attending") String attending,
                                    @QueryParam("region") String region, @QueryParam("rule") String rule,
                                    @QueryParam("defectClass") String defectClass, @QueryParam("severity") String severity,
                                    @QueryParam("status") String status, @QueryParam("grade") String grade,
                                    @QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("sort") String sort, @QueryParam("dir") String dir,
                                    @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        UserAccount me = user.account();
        boolean physician = user.is(Roles.PHYSICIAN);
        Worklist.Filter f = new Worklist.Filter(blank(department), blank(attending), blank(region), blank(rule),
                Params.oneOf("defectClass", defectClass, DEFECT_CLASSES), Params.oneOf("severity", severity, SEVERITIES),
                Params.oneOf("status", status, STATUSES), Params.oneOf("grade", grade, GRADES),
                Params.time("from", from, engine.zone(), false), Params.time("to", to, engine.zone(), true),
                physician ? me.username : null, physician ? me.id : null);
        return worklist.page(f, blank(sort), blank(dir), page, size);
    }

    static String blank(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
