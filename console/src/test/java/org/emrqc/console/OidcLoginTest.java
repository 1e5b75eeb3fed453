package org.emrqc.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Set;
import org.emrqc.console.store.UserAccount;
import org.junit.jupiter.api.Test;

/**
 * OIDC turned on (a mock identity provider serving discovery and keys; tokens signed with its key): bearer tokens
 * log users in with the role their groups give; the console keeps a users row for them (no password), follows
 * role changes, refuses deactivated users and tokens it cannot verify.
 */
@QuarkusTest
@TestProfile(OidcLoginTest.OidcOn.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class OidcLoginTest {
    public static class OidcOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "quarkus-service-app",
                    "quarkus.oidc.application-type", "service");
        }
    }

    private static io.restassured.specification.RequestSpecification bearer(String user, String... groups) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken(user, Set.of(groups))).header("X-Requested-With", "test");
    }

    @Test
    void aTokenWithTheReviewerGroupLogsInAndTheUserIsKeptWithoutAPassword() {
        bearer("oidc-alice", "reviewer").get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("oidc-alice")).body("role", equalTo("reviewer"));
        bearer("oidc-alice", "reviewer").get("/api/v1/worklist").then().statusCode(200);
        assertEquals("!oidc", passwordHashOf("oidc-alice"));
        // no password logs this user in through the form or Basic
        given().auth().preemptive().basic("oidc-alice", "!oidc").header("X-Requested-With", "test").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void theRoleFollowsTheTokenAndRolesStillGuardEndpoints() {
        bearer("oidc-bob", "physician").get("/api/v1/users").then().statusCode(403);
        bearer("oidc-bob", "admin", "physician").get("/api/v1/users").then().statusCode(200);
        assertEquals("admin", roleOf("oidc-bob"));
        bearer("oidc-carol", "staff").get("/api/v1/worklist").then().statusCode(403);
    }

    @Test
    void aDeactivatedUserAndAnUnverifiableTokenAreRefused() {
        bearer("oidc-dave", "reviewer").get("/api/v1/me").then().statusCode(200);
        deactivate("oidc-dave");
        bearer("oidc-dave", "reviewer").get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2("not.a.token").header("X-Requested-With", "test").get("/api/v1/me").then().statusCode(401);
    }

    @Transactional
    String passwordHashOf(String username) { return UserAccount.byUsername(username).orElseThrow().passwordHash; }

    @Transactional
    String roleOf(String username) { return UserAccount.byUsername(username).orElseThrow().role; }

    @Transactional
    void deactivate(String username) { UserAccount.byUsername(username).orElseThrow().active = false; }
}
