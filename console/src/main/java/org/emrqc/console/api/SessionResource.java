package org.emrqc.console.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emrqc.console.security.Roles;
import org.emrqc.console.store.UserAccount;

/**
 * What the web UI needs besides the resources: log out (the session cookie is HTTP-only, so only the server can
 * remove it) and the physicians a reviewer can send a record back to (the users list itself is for admins).
 */
@Path("/api/v1")
public class SessionResource {
    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String cookieName;
    @ConfigProperty(name = "quarkus.http.auth.form.cookie-path", defaultValue = "/")
    String cookiePath;

    /**
     * Expires the form-login session cookie; 204 whether or not someone was logged in. (The cookie is encrypted and
     * stateless: a copy taken before logout stays valid until its timeout, quarkus.http.auth.form.timeout.)
     */
    @POST
    @Path("logout")
    @PermitAll
    public Response logout() {
        return Response.noContent().header("Set-Cookie", cookieName + "=; Path=" + cookiePath
                + "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict").build();
    }

    /** Active physicians: [{username, displayName, department, practitionerRef}]. */
    @GET
    @Path("physicians")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reviewer", "admin"})
    @Transactional
    public List<Map<String, Object>> physicians() {
        return UserAccount.<UserAccount>list("role = ?1 and active = true order by username", Roles.PHYSICIAN).stream().map(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("username", u.username);
            m.put("displayName", u.displayName);
            m.put("department", u.department);
            m.put("practitionerRef", u.practitionerRef);
            return m;
        }).toList();
    }
}
