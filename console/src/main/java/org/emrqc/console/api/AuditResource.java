package org.emrqc.console.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.console.store.AuditRow;

/** The audit trail, newest first (admin). */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @GET
    @RolesAllowed("admin")
    @Transactional
    public Map<String, Object> list(@QueryParam("entity") String entity, @QueryParam("entityId") String entityId,
                                    @QueryParam("username") String username, @QueryParam("action") String action,
                                    @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) throw ProblemException.badRequest("page: 0 or more");
        if (size < 1 || size > 500) throw ProblemException.badRequest("size: 1 to 500");
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        add(q, p, "entity", entity);
        add(q, p, "entityId", entityId);
        add(q, p, "username", username);
        add(q, p, "action", action);
        var query = AuditRow.<AuditRow>find(q + " order by at desc, id desc", p);
        long total = query.count();
        List<Map<String, Object>> items = query.page(page, size).list().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id);
            m.put("at", a.at);
            m.put("username", a.username);
            m.put("action", a.action);
            m.put("entity", a.entity);
            m.put("entityId", a.entityId);
            m.put("before", a.before);
            m.put("after", a.after);
            return m;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("page", page);
        out.put("size", size);
        out.put("items", items);
        return out;
    }

    private static void add(StringBuilder q, Map<String, Object> p, String field, String value) {
        if (value == null || value.isBlank()) return;
        q.append(" and ").append(field).append(" = :").append(field);
        p.put(field, value.strip());
    }
}
