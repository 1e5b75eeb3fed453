package org.emrqc.console;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rule quality: firing counts, verdicts, precision and the mute suggestion, exactly; who may see it. */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class RuleQualityTest {
    private static final String RULE = "UNR-CC-LENGTH";

    @BeforeAll
    static void users() {
        TestUsers.ensure("hisbot", "integration", null);
    }

    /** The narrative fixture whose chief complaint is 25 characters long (UNR-CC-LENGTH fires), as its own record. */
    private static String submit(int n) throws Exception {
        String json = Files.readString(Path.of("../rule-packs/core/fixtures/records/narrative/chief-complaint-25-characters.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"resourceType\"\\s*:\\s*\"Bundle\"\\s*,", "\"resourceType\": \"Bundle\", \"id\": \"quality-" + n + "\",");
        return Api.as("hisbot").contentType("application/json").body(json.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/records?region=CN").then().statusCode(201).extract().path("records[0].recordId");
    }

    @Test
    void aRuleDismissedFourTimesInSixIsSuggestedForMuting() throws Exception {
        for (int i = 0; i < 6; i++) {
            String record = submit(i);
            String finding = ReviewFlowTest.findingOf(record, RULE);
            Map<String, String> verdict = i < 2 ? Map.of("verdict", "confirmed") : Map.of("verdict", "dismissed", "reason", "the complaint is long but precise");
            Api.as("reviewer").contentType("application/json").body(verdict).post("/api/v1/findings/" + finding + "/verdict").then().statusCode(200);
            if (i == 0) {
                JsonPath early = Api.as("admin").get("/api/v1/admin/rules/quality").then().statusCode(200).extract().jsonPath();
                assertNull(early.get("rules.find { it.ruleId == '" + RULE + "' }.precision"), "no precision before 5 verdicts");
            }
        }
        JsonPath q = Api.as("admin").get("/api/v1/admin/rules/quality").then().statusCode(200)
                .body("minVerdicts", equalTo(5)).extract().jsonPath();
        Map<String, Object> line = q.getMap("rules.find { it.ruleId == '" + RULE + "' }");
        assertEquals(6, line.get("findings"));
        assertEquals(6, line.get("records"));
        assertEquals(2, line.get("confirmed"));
        assertEquals(4, line.get("dismissed"));
        assertEquals(0, line.get("open"));
        assertEquals(0.333f, ((Number) line.get("precision")).floatValue());
        assertEquals("mute", line.get("suggestion"));
        assertEquals(RULE, q.getString("rules[0].ruleId"), "rules to mute come first");
    }

    @Test
    void access() {
        Api.anonymous().get("/api/v1/admin/rules/quality").then().statusCode(401);
        Api.as("physician").get("/api/v1/admin/rules/quality").then().statusCode(403);
        Api.as("hisbot").get("/api/v1/admin/rules/quality").then().statusCode(403);
        Api.as("reviewer").get("/api/v1/admin/rules/quality").then().statusCode(200);
    }
}
