package org.emrqc.console;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Logout and the physicians list the UI uses to send a record back. */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class SessionResourceTest {
    @Test
    void logoutExpiresTheSessionCookie() {
        String cookie = Api.anonymous().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "reviewer").formParam("j_password", "reviewer-demo")
                .post("/j_security_check").then().statusCode(200).extract().cookie("emrqc-session");
        Response out = Api.anonymous().cookie("emrqc-session", cookie).header("X-Requested-With", "fetch").post("/api/v1/logout");
        out.then().statusCode(204);
        String setCookie = String.join("\n", out.headers().getValues("Set-Cookie"));
        assertTrue(setCookie.contains("emrqc-session=") && setCookie.toLowerCase().contains("max-age=0"), setCookie);
        Api.anonymous().post("/api/v1/logout").then().statusCode(204);
    }

    @Test
    void reviewersListActivePhysicians() {
        TestUsers.ensure("sleepydoc", "physician", null);
        Api.as("admin").contentType("application/json").body(Map.of("active", false)).put("/api/v1/users/sleepydoc").then().statusCode(200);
        Api.as("reviewer").get("/api/v1/physicians").then().statusCode(200)
                .body("username", hasItem("physician")).body("username", not(hasItem("sleepydoc"))).body("username", not(hasItem("reviewer")))
                .body("find { it.username == 'physician' }.practitionerRef", equalTo("Practitioner/dr-attending"));
        Api.as("admin").get("/api/v1/physicians").then().statusCode(200);
        Api.as("physician").get("/api/v1/physicians").then().statusCode(403);
        Api.anonymous().get("/api/v1/physicians").then().statusCode(401);
    }
}
