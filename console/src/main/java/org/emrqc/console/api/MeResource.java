package org.emrqc.console.api;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emrqc.console.security.CurrentUser;
import org.emrqc.console.store.UserAccount;

/** Who is logged in. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    CurrentUser user;

    @GET
    @Authenticated
    @Transactional
    public Map<String, Object> me() {
        UserAccount u = user.account();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username);
        m.put("role", u.role);
        m.put("displayName", u.displayName);
        m.put("locale", u.locale);
        m.put("department", u.department);
        return m;
    }
}
