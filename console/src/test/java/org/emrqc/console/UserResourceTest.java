package org.emrqc.console;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class UserResourceTest {
    @Test
    void adminsManageUsers() {
        Api.as("admin").get("/api/v1/users").then().statusCode(200)
                .body("username", hasItems("admin", "physician", "reviewer")).body("[0].passwordHash", nullValue());
        Api.as("admin").contentType("application/json")
                .body(Map.of("username", "dr.wang", "password", "dr.wang-password", "role", "physician", "displayName", "王医生",
                        "practitionerRef", "Practitioner/dr-wang"))
                .post("/api/v1/users").then().statusCode(201).body("username", equalTo("dr.wang")).body("role", equalTo("physician"));
        Api.as("dr.wang").get("/api/v1/me").then().statusCode(200).body("displayName", equalTo("王医生"));
        Api.as("admin").contentType("application/json").body(Map.of("active", false)).put("/api/v1/users/dr.wang").then().statusCode(200)
                .body("active", equalTo(false));
        Api.as("dr.wang").get("/api/v1/me").then().statusCode(401);
        Api.as("admin").get("/api/v1/audit?entity=user&entityId=dr.wang").then().statusCode(200)
                .body("items[0].action", equalTo("user.update")).body("items[0].before.active", equalTo(true)).body("items[0].after.active", equalTo(false));
    }

    @Test
    void userInputIsValidated() {
        Api.as("admin").contentType("application/json").body(Map.of("username", "x1", "password", "short", "role", "physician"))
                .post("/api/v1/users").then().statusCode(400).body("detail", equalTo("password: at least 10 characters"));
        Api.as("admin").contentType("application/json").body(Map.of("username", "x2", "password", "long-enough-pw", "role", "nurse"))
                .post("/api/v1/users").then().statusCode(400).body("detail", equalTo("role: 'nurse' is not one of reviewer, physician, admin, integration"));
        Api.as("admin").contentType("application/json").body(Map.of("username", "admin", "password", "long-enough-pw", "role", "admin"))
                .post("/api/v1/users").then().statusCode(409).body("detail", equalTo("username: admin exists already"));
        Api.as("admin").contentType("application/json").body(Map.of("active", false)).put("/api/v1/users/admin").then().statusCode(400)
                .body("detail", equalTo("you cannot deactivate yourself or take away your own admin role"));
        Api.as("admin").contentType("application/json").body("{not json").post("/api/v1/users").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAdminsManageUsers() {
        Api.anonymous().get("/api/v1/users").then().statusCode(401);
        Api.as("reviewer").get("/api/v1/users").then().statusCode(403);
        Api.anonymous().contentType("application/json").body(Map.of()).post("/api/v1/users").then().statusCode(401);
        Api.as("physician").contentType("application/json").body(Map.of()).post("/api/v1/users").then().statusCode(403);
        Api.anonymous().contentType("application/json").body(Map.of()).put("/api/v1/users/reviewer").then().statusCode(401);
        Api.as("reviewer").contentType("application/json").body(Map.of("role", "admin")).put("/api/v1/users/reviewer").then().statusCode(403);
    }
}
