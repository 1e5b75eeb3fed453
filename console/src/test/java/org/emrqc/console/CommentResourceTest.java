package org.emrqc.console;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Comments on a record and its findings: who may read and write them, validation, and the audit trail. */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class CommentResourceTest {
    @BeforeAll
    static void users() {
        TestUsers.ensure("hisbot", "integration", null);
        TestUsers.ensure("otherdoc", "physician", "Practitioner/someone-else");
    }

    @Test
    void aReviewerCommentsOnAFindingAndTheCommentIsListedAndAudited() {
        String record = ReviewFlowTest.submit("comments-1");
        String late = ReviewFlowTest.findingOf(record, "TIM-ADM-24H");
        Api.as("reviewer").contentType("application/json").body(Map.of("body", "  入院记录 signed 30 h after admission; asked the resident.  ", "findingId", late))
                .post("/api/v1/records/" + record + "/comments").then().statusCode(201)
                .body("findingId", equalTo(late)).body("by", equalTo("reviewer"))
                .body("body", equalTo("入院记录 signed 30 h after admission; asked the resident."));
        Api.as("admin").contentType("application/json").body(Map.of("body", "noted"))
                .post("/api/v1/records/" + record + "/comments").then().statusCode(201).body("findingId", equalTo(null));
        Api.as("reviewer").get("/api/v1/records/" + record + "/comments").then().statusCode(200)
                .body("", hasSize(2)).body("[0].by", equalTo("reviewer")).body("[0].findingId", equalTo(late))
                .body("[1].by", equalTo("admin")).body("[1].body", equalTo("noted"));
        Api.as("admin").get("/api/v1/audit?entity=record&entityId=" + record).then().statusCode(200)
                .body("items.findAll { it.action == 'comment.add' }", hasSize(2));
    }

    @Test
    void anEmptyCommentOrAFindingOfAnotherRecordIsRefusedWithTheReason() {
        String record = ReviewFlowTest.submit("comments-2");
        String other = ReviewFlowTest.submit("comments-3");
        String foreign = ReviewFlowTest.findingOf(other, "TIM-ADM-24H");
        Api.as("reviewer").contentType("application/json").body(Map.of("body", "   "))
                .post("/api/v1/records/" + record + "/comments").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("body: required"));
        Api.as("reviewer").contentType("application/json").body(Map.of("body", "x", "findingId", foreign))
                .post("/api/v1/records/" + record + "/comments").then().statusCode(400)
                .body("detail", equalTo("findingId: " + foreign + " is not a finding of record " + record));
        Api.as("reviewer").contentType("application/json").body(Map.of("body", "x".repeat(4001)))
                .post("/api/v1/records/" + record + "/comments").then().statusCode(400)
                .body("detail", equalTo("body: at most 4000 characters (4001 given)"));
    }

    @Test
    void access() {
        String record = ReviewFlowTest.submit("comments-4");
        Api.anonymous().get("/api/v1/records/" + record + "/comments").then().statusCode(401);
        Api.anonymous().contentType("application/json").body(Map.of("body", "x")).post("/api/v1/records/" + record + "/comments").then().statusCode(401);
        Api.as("hisbot").get("/api/v1/records/" + record + "/comments").then().statusCode(403);
        Api.as("otherdoc").contentType("application/json").body(Map.of("body", "x")).post("/api/v1/records/" + record + "/comments").then().statusCode(403);
        Api.as("reviewer").get("/api/v1/records/nope/comments").then().statusCode(404);
    }
}
