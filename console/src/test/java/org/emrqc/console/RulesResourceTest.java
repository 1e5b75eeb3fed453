package org.emrqc.console;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules in effect, for the worklist's rule filter: per region, with the region's own severity. */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class RulesResourceTest {
    @BeforeAll
    static void users() {
        TestUsers.ensure("hisbot", "integration", null);
    }

    @Test
    void theRulesOfARegionWithTheirSeverityThere() {
        Api.as("reviewer").get("/api/v1/rules?region=CN-GD").then().statusCode(200)
                .body("pack", equalTo("core@2026.11.0")).body("region", equalTo("CN-GD"))
                .body("rules.id", hasItem("TIM-SENIOR-ROUND"))
                .body("rules.find { it.id == 'TIM-ADM-24H' }.severity", equalTo("high"))
                .body("rules.find { it.id == 'TIM-ADM-24H' }.defectClass", equalTo("untimely"))
                .body("rules.find { it.id == 'TIM-ADM-24H' }.titleZh", equalTo("入院记录超时"));
        Api.as("physician").get("/api/v1/rules").then().statusCode(200).body("region", equalTo("CN"));
    }

    @Test
    void access() {
        Api.anonymous().get("/api/v1/rules").then().statusCode(401);
        Api.as("hisbot").get("/api/v1/rules").then().statusCode(403);
    }
}
