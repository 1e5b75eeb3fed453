package org.emrqc.console.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.emrqc.console.audit.AuditLog;
import org.emrqc.console.security.CurrentUser;
import org.emrqc.console.security.Passwords;
import org.emrqc.console.security.Roles;
import org.emrqc.console.store.UserAccount;

/** User administration (admin): list, create, change (role, names, password, active). Passwords are never returned. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class UserResource {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");
    static final int MIN_PASSWORD = 10;

    /** Fields to create or change a user; absent fields are left unchanged on PUT. */
    public record UserRequest(String username, String password, String role, String displayName, String department,
                              String practitionerRef, String locale, Boolean active) { }

    @Inject
    AuditLog audit;
    @Inject
    CurrentUser current;

    @GET
    @Transactional
    public List<Map<String, Object>> list() {
        return UserAccount.<UserAccount>list("order by username").stream().map(UserResource::view).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(UserRequest body) {
        if (body == null) throw ProblemException.badRequest("body: {\"username\", \"password\", \"role\", ...}");
        String username = Params.required("username", body.username());
        if (!USERNAME.matcher(username).matches()) {
            throw ProblemException.badRequest("username: 2 to 63 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
        if (UserAccount.byUsername(username).isPresent()) throw ProblemException.conflict("username: " + username + " exists already");
        UserAccount u = new UserAccount();
        u.username = username;
        u.role = Params.oneOf("role", Params.required("role", body.role()), Roles.ALL);
        u.passwordHash = Passwords.hash(password(Params.required("password", body.password())));
        u.createdAt = Instant.now();
        apply(u, body);
        u.persist();
        audit.record("user.create", "user", username, null, view(u));
        return Response.status(201).entity(view(u)).build();
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> update(@PathParam("username") String username, UserRequest body) {
        if (body == null) throw ProblemException.badRequest("body: the fields to change");
        UserAccount u = UserAccount.byUsername(username).orElseThrow(() -> ProblemException.notFound("no user " + username));
        Map<String, Object> before = view(u);
        if (body.role() != null) u.role = Params.oneOf("role", body.role(), Roles.ALL);
        if (body.password() != null) u.passwordHash = Passwords.hash(password(body.password()));
        apply(u, body);
        if (u.username.equals(current.username()) && (!u.active || !Roles.ADMIN.equals(u.role))) {
            throw ProblemException.badRequest("you cannot deactivate yourself or take away your own admin role");
        }
        Map<String, Object> after = view(u);
        if (body.password() != null) after.put("passwordChanged", true);
        audit.record("user.update", "user", username, before, after);
        return view(u);
    }

    private static void apply(UserAccount u, UserRequest b) {
        if (b.displayName() != null) u.displayName = b.displayName().strip();
        if (b.department() != null) u.department = b.department().isBlank() ? null : b.department().strip();
        if (b.practitionerRef() != null) u.practitionerRef = b.practitionerRef().isBlank() ? null : b.practitionerRef().strip();
        if (b.locale() != null) u.locale = Params.oneOf("locale", b.locale(), List.of("zh", "en"));
        if (b.active() != null) u.active = b.active();
    }

    private static String password(String p) {
        if (p.length() < MIN_PASSWORD) throw ProblemException.badRequest("password: at least " + MIN_PASSWORD + " characters");
        return p;
    }

    static Map<String, Object> view(UserAccount u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id);
        m.put("username", u.username);
        m.put("role", u.role);
        m.put("displayName", u.displayName);
        m.put("department", u.department);
        m.put("practitionerRef", u.practitionerRef);
        m.put("locale", u.locale);
        m.put("active", u.active);
        m.put("createdAt", u.createdAt);
        return m;
    }
}
