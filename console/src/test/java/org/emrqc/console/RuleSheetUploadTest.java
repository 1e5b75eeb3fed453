package org.emrqc.console;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Simple rules uploaded as a spreadsheet into a draft: they load, validate and show among the effective rules; bad cells are named. */
@QuarkusTest
@TestProfile(RuleSheetUploadTest.Fresh.class)
class RuleSheetUploadTest {
    public static class Fresh implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() { return List.of(new TestResourceEntry(PostgresTestDatabase.class)); }
    }

    static final String V = "/api/v1/admin/packs/core/versions/";
    static final String HEADER = "id,class,template,severity,points,title_zh,title_en,message_zh,message_en,param.field\n";

    @Test
    void aSheetOfRulesJoinsTheDraftAndValidates() {
        String draft = Api.as("admin").contentType("application/json").body(Map.of("from", "2026.11.0")).post("/api/v1/admin/packs/core/drafts")
                .then().statusCode(201).extract().path("version");
        String sheet = HEADER + "INC-PAT-SEX-LOCAL,incomplete,patient-field-missing,low,1,性别缺失（本院）,Sex missing (local),未记录性别。,Sex not recorded.,gender\n";
        Api.as("admin").contentType("text/csv").body(sheet.getBytes(StandardCharsets.UTF_8))
                .put(V + draft + "/rule-sheets/hospital-local").then().statusCode(200)
                .body("file", equalTo("rules/sheet-hospital-local.yaml")).body("rules", equalTo(List.of("INC-PAT-SEX-LOCAL")));
        // the same name again replaces its rules instead of clashing with them
        Api.as("admin").contentType("text/csv").body(sheet.replace(",low,1,", ",moderate,2,").getBytes(StandardCharsets.UTF_8))
                .put(V + draft + "/rule-sheets/hospital-local").then().statusCode(200);
        Api.as("admin").get(V + draft + "/regions/CN/rules").then().statusCode(200)
                .body("rules.id", hasItem("INC-PAT-SEX-LOCAL"))
                .body("rules.find { it.id == 'INC-PAT-SEX-LOCAL' }.severity", equalTo("moderate"));
        Api.as("admin").post(V + draft + "/validate").then().statusCode(200).body("ok", equalTo(true));

        Api.as("admin").contentType("text/csv").body((HEADER + "INC-PAT-SEX,incomplete,patient-field-missing,urgent,1,a,b,c,d,gender\n").getBytes(StandardCharsets.UTF_8))
                .put(V + draft + "/rule-sheets/other").then().statusCode(400).contentType("application/problem+json")
                .body("problems", equalTo(List.of("row 2, column A: id INC-PAT-SEX is already defined",
                        "row 2, column D: unknown severity 'urgent' (expected high, moderate or low)")));
        Api.as("admin").contentType("text/csv").body(sheet.getBytes(StandardCharsets.UTF_8))
                .put(V + "2026.11.0/rule-sheets/hospital-local").then().statusCode(409);
        Api.as("admin").contentType("text/csv").body(sheet.getBytes(StandardCharsets.UTF_8))
                .put(V + draft + "/rule-sheets/Bad_Name").then().statusCode(400);
    }

    @Test
    void access() {
        Api.anonymous().contentType("text/csv").body("x").put(V + "2026.11.0/rule-sheets/x").then().statusCode(401);
        Api.as("reviewer").contentType("text/csv").body("x").put(V + "2026.11.0/rule-sheets/x").then().statusCode(403);
    }
}
