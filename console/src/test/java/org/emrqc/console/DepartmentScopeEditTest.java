package org.emrqc.console;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule's department scope edited for one region of a draft: the effective rule shows it, set by that region. */
@QuarkusTest
@TestProfile(RuleSheetUploadTest.Fresh.class)
class DepartmentScopeEditTest {
    static final String V = "/api/v1/admin/packs/core/versions/";

    @Test
    void aRegionExcludesPaediatricsFromARule() {
        String draft = Api.as("admin").contentType("application/json").body(Map.of("from", "2026.11.0")).post("/api/v1/admin/packs/core/drafts")
                .then().statusCode(201).extract().path("version");
        Api.as("admin").contentType("application/json").body(Map.of("departments", Map.of("include", List.of(), "exclude", List.of("儿科", "新生儿科"))))
                .put(V + draft + "/regions/CN-BJ/rules/TIM-ATT-ROUND").then().statusCode(200)
                .body("departments.exclude", equalTo(List.of("儿科", "新生儿科"))).body("origins.departments", equalTo("CN-BJ"));
        Api.as("admin").get(V + draft + "/regions/CN/rules").then().statusCode(200)
                .body("rules.find { it.id == 'TIM-ATT-ROUND' }.departments.exclude", equalTo(List.of()));
    }
}
