package org.emrqc.console;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Verdicts, rectification tasks with appeal, and the audit trail they leave. */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class ReviewFlowTest {
    @BeforeAll
    static void users() {
        TestUsers.ensure("hisbot", "integration", null);
        TestUsers.ensure("otherdoc", "physician", "Practitioner/someone-else");
    }

    static String submit(String bundleId) {
        return Api.as("hisbot").contentType("application/json").body(Api.sample(Api.LATE, bundleId))
                .post("/api/v1/records?region=CN-GD").then().statusCode(201).extract().path("records[0].recordId");
    }

    static String findingOf(String recordId, String rule) {
        return Api.as("reviewer").get("/api/v1/records/" + recordId).then().statusCode(200).extract().jsonPath()
                .getString("findings.find { it.ruleId == '" + rule + "' }.id");
    }

    @Test
    void verdictsChangeFindingAndRecordStatusAndAreAudited() {
        String record = submit("flow-verdict");
        String late = findingOf(record, "TIM-ADM-24H");
        Api.as("reviewer").contentType("application/json").body(Map.of("verdict", "confirmed"))
                .post("/api/v1/findings/" + late + "/verdict").then().statusCode(200)
                .body("status", equalTo("confirmed")).body("recordStatus", equalTo("in_review"));
        Api.as("admin").get("/api/v1/audit?entity=finding&entityId=" + late).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].action", equalTo("finding.verdict"))
                .body("items[0].username", equalTo("reviewer"))
                .body("items[0].before.status", equalTo("open")).body("items[0].after.status", equalTo("confirmed"));

        JsonPath v = Api.as("reviewer").get("/api/v1/records/" + record).then().extract().jsonPath();
        assertEquals(List.of(Map.of("verdict", "confirmed", "by", "reviewer")),
                v.getList("findings.find { it.ruleId == 'TIM-ADM-24H' }.verdicts.collect { [verdict: it.verdict, by: it.by] }"));
    }

    @Test
    void dismissingNeedsAReason() {
        String record = submit("flow-dismiss");
        String bp = findingOf(record, "UNR-BP-RELATION");
        Api.as("reviewer").contentType("application/json").body(Map.of("verdict", "dismissed"))
                .post("/api/v1/findings/" + bp + "/verdict").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("reason: required when dismissing a finding as a false positive"));
        Api.as("reviewer").contentType("application/json").body(Map.of("verdict", "maybe"))
                .post("/api/v1/findings/" + bp + "/verdict").then().statusCode(400)
                .body("detail", equalTo("verdict: 'maybe' is not one of confirmed, dismissed, rectified"));
        Api.as("reviewer").contentType("application/json").body(Map.of("verdict", "dismissed", "reason", "cuff reading swapped by the device"))
                .post("/api/v1/findings/" + bp + "/verdict").then().statusCode(200).body("status", equalTo("dismissed"));
    }

    @Test
    void verdictAccess() {
        String record = submit("flow-verdict-access");
        String bp = findingOf(record, "UNR-BP-RELATION");
        Api.anonymous().contentType("application/json").body(Map.of("verdict", "confirmed")).post("/api/v1/findings/" + bp + "/verdict").then().statusCode(401);
        Api.as("physician").contentType("application/json").body(Map.of("verdict", "confirmed")).post("/api/v1/findings/" + bp + "/verdict").then().statusCode(403);
        Api.as("hisbot").contentType("application/json").body(Map.of("verdict", "confirmed")).post("/api/v1/findings/" + bp + "/verdict").then().statusCode(403);
        Api.as("reviewer").contentType("application/json").body(Map.of("verdict", "confirmed")).post("/api/v1/findings/nope/verdict").then().statusCode(404);
    }

    @Test
    void sendBackAppealAndDecide() {
        String record = submit("flow-task");
        String due = LocalDate.now().plusDays(3).toString();
        Api.as("physician").contentType("application/json").body(Map.of("assignee", "physician", "dueDate", due))
                .post("/api/v1/records/" + record + "/tasks").then().statusCode(403);
        Api.anonymous().contentType("application/json").body(Map.of("assignee", "physician", "dueDate", due))
                .post("/api/v1/records/" + record + "/tasks").then().statusCode(401);
        Api.as("reviewer").contentType("application/json").body(Map.of("assignee", "reviewer", "dueDate", due))
                .post("/api/v1/records/" + record + "/tasks").then().statusCode(400).body("detail", equalTo("assignee: reviewer is not an active physician"));
        Api.as("reviewer").contentType("application/json").body(Map.of("assignee", "otherdoc", "dueDate", "next week"))
                .post("/api/v1/records/" + record + "/tasks").then().statusCode(400).body("detail", equalTo("dueDate: 'next week' is not a date (yyyy-MM-dd)"));
        int task = Api.as("reviewer").contentType("application/json").body(Map.of("assignee", "otherdoc", "dueDate", due, "note", "入院记录超时，请补写说明"))
                .post("/api/v1/records/" + record + "/tasks").then().statusCode(201)
                .body("status", equalTo("open")).body("assignee", equalTo("otherdoc")).body("dueDate", equalTo(due))
                .extract().path("id");
        Api.as("reviewer").get("/api/v1/worklist?status=returned&size=200").then().statusCode(200);

        // the physician now sees the record (his task) and the task
        Api.as("otherdoc").get("/api/v1/records/" + record).then().statusCode(200).body("status", equalTo("returned"));
        Api.as("otherdoc").get("/api/v1/tasks").then().statusCode(200).body("id", equalTo(List.of(task)));
        Api.as("physician").get("/api/v1/tasks").then().statusCode(200).body("findAll { it.id == " + task + " }", hasSize(0));
        Api.as("reviewer").get("/api/v1/tasks?status=open").then().statusCode(200).body("findAll { it.id == " + task + " }", hasSize(1));
        Api.anonymous().get("/api/v1/tasks").then().statusCode(401);
        Api.as("hisbot").get("/api/v1/tasks").then().statusCode(403);

        // appeal: only the assignee, with a reason
        Api.as("physician").contentType("application/json").body(Map.of("reason", "x")).post("/api/v1/tasks/" + task + "/appeal").then().statusCode(403)
                .body("detail", equalTo("task " + task + " is not assigned to you"));
        Api.as("reviewer").contentType("application/json").body(Map.of("reason", "x")).post("/api/v1/tasks/" + task + "/appeal").then().statusCode(403);
        Api.anonymous().contentType("application/json").body(Map.of("reason", "x")).post("/api/v1/tasks/" + task + "/appeal").then().statusCode(401);
        Api.as("otherdoc").contentType("application/json").body(Map.of()).post("/api/v1/tasks/" + task + "/appeal").then().statusCode(400)
                .body("detail", equalTo("reason: required for an appeal"));
        Api.as("otherdoc").contentType("application/json").body(Map.of("reason", "患者急诊手术，入院记录延迟有记录"))
                .post("/api/v1/tasks/" + task + "/appeal").then().statusCode(200).body("status", equalTo("appealed"));

        // decision: reviewers only; rejecting needs a reason
        Api.as("otherdoc").contentType("application/json").body(Map.of("accept", true)).post("/api/v1/tasks/" + task + "/decision").then().statusCode(403);
        Api.anonymous().contentType("application/json").body(Map.of("accept", true)).post("/api/v1/tasks/" + task + "/decision").then().statusCode(401);
        Api.as("reviewer").contentType("application/json").body(Map.of("accept", false)).post("/api/v1/tasks/" + task + "/decision").then().statusCode(400)
                .body("detail", equalTo("reason: required when rejecting an appeal"));
        Api.as("reviewer").contentType("application/json").body(Map.of("accept", false, "reason", "急诊不免除24小时时限"))
                .post("/api/v1/tasks/" + task + "/decision").then().statusCode(200).body("status", equalTo("appeal_rejected"))
                .body("decisionReason", equalTo("急诊不免除24小时时限"));

        // done: by the assignee
        Api.as("physician").post("/api/v1/tasks/" + task + "/done").then().statusCode(403);
        Api.anonymous().post("/api/v1/tasks/" + task + "/done").then().statusCode(401);
        Api.as("hisbot").post("/api/v1/tasks/" + task + "/done").then().statusCode(403);
        Api.as("otherdoc").post("/api/v1/tasks/" + task + "/done").then().statusCode(200).body("status", equalTo("done"));
        Api.as("otherdoc").post("/api/v1/tasks/" + task + "/done").then().statusCode(409);

        List<String> actions = Api.as("admin").get("/api/v1/audit?entity=task&entityId=" + task).then().statusCode(200).extract().path("items.action");
        assertEquals(List.of("task.done", "task.decision", "task.appeal", "task.create"), actions);
    }

    @Test
    void auditIsForAdminsOnly() {
        Api.anonymous().get("/api/v1/audit").then().statusCode(401);
        Api.as("reviewer").get("/api/v1/audit").then().statusCode(403);
        Api.as("admin").get("/api/v1/audit?entity=user&entityId=admin").then().statusCode(200)
                .body("items[0].action", equalTo("user.create")).body("items[0].username", equalTo("system"))
                .body("items[0].after.role", equalTo("admin"));
    }
}
