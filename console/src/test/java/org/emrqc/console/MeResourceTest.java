package org.emrqc.console;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class MeResourceTest {
    @Test
    void anonymousGets401ProblemWithBasicChallenge() {
        Api.anonymous().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Basic realm=\"emrqc\"")
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"));
    }

    @Test
    void uiRequestsGet401WithoutBrowserDialog() {
        Api.anonymous().header("X-Requested-With", "fetch").get("/api/v1/me").then().statusCode(401)
                .header("WWW-Authenticate", (String) null);
    }

    @Test
    void wrongPasswordIs401() {
        io.restassured.RestAssured.given().auth().preemptive().basic("admin", "wrong").get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void meNamesTheUserAndRole() {
        Api.as("reviewer").get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("reviewer")).body("role", equalTo("reviewer")).body("locale", equalTo("zh"));
        Api.as("admin").get("/api/v1/me").then().statusCode(200).body("role", equalTo("admin"));
    }

    @Test
    void formLoginSetsTheSessionCookie() {
        String cookie = Api.anonymous().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "physician").formParam("j_password", "physician-demo")
                .post("/j_security_check").then().statusCode(200).extract().cookie("emrqc-session");
        Api.anonymous().cookie("emrqc-session", cookie).get("/api/v1/me").then().statusCode(200).body("username", equalTo("physician"));
    }

    @Test
    void formLoginWithAWrongPasswordIs401() {
        Api.anonymous().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "physician").formParam("j_password", "nope")
                .post("/j_security_check").then().statusCode(401);
    }

    @Test
    void readinessReportsTheDatabase() {
        Api.anonymous().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).body("checks.find { it.name == 'emrqc-console' }.data.database", equalTo("up"))
                .body("checks.find { it.name == 'emrqc-console' }.data.findingsConsumer", equalTo("not configured"));
    }
}
