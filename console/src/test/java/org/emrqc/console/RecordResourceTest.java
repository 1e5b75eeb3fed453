package org.emrqc.console;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class RecordResourceTest {
    @BeforeAll
    static void users() {
        TestUsers.ensure("hisbot", "integration", null);
        TestUsers.ensure("otherdoc", "physician", "Practitioner/someone-else");
    }

    private static String submitLate(String bundleId) {
        return Api.as("hisbot").contentType("application/fhir+json").body(Api.sample(Api.LATE, bundleId))
                .post("/api/v1/records?region=CN-GD").then().statusCode(201).extract().path("records[0].recordId");
    }

    @Test
    void submitChecksAndStoresTheRecord() {
        Api.as("hisbot").contentType("application/fhir+json").body(Api.sample(Api.LATE, "rec-submit"))
                .post("/api/v1/records?region=CN-GD").then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("records", hasSize(1))
                .body("records[0].recordKey", equalTo("Patient/p1|api/rec-submit"))
                .body("records[0].patientRef", equalTo("Patient/p1"))
                .body("records[0].grade", equalTo("丙"))
                .body("records[0].score", equalTo(82.0f))
                .body("records[0].findings", equalTo(4));
    }

    @Test
    void resubmittingTheSameBundleReplacesTheRecordWithoutDuplicates() {
        String first = submitLate("rec-twice");
        String second = submitLate("rec-twice");
        assertEquals(first, second);
        JsonPath view = Api.as("reviewer").get("/api/v1/records/" + first).then().statusCode(200).extract().jsonPath();
        assertEquals(4, view.getList("findings").size());
    }

    @Test
    void submitRejectsWhatIsNotFhir() {
        Api.as("hisbot").contentType("application/json").body("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"resource\": {\"resourceType\": \"Nonsense\"}}]}")
                .post("/api/v1/records").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Bad Request")).body("detail", startsWith("not a readable FHIR R4 resource"));
        Api.as("hisbot").contentType("application/json").body("").post("/api/v1/records").then().statusCode(400)
                .body("detail", equalTo("empty body: send a FHIR R4 Bundle or resource as JSON"));
    }

    @Test
    void submitNeedsLoginAndARoleThatMaySubmit() {
        Api.anonymous().contentType("application/json").body(Api.sample(Api.LATE, "x")).post("/api/v1/records").then().statusCode(401);
        Api.as("physician").contentType("application/json").body(Api.sample(Api.LATE, "x")).post("/api/v1/records").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void qcReturnsTheFindingsBundleAndStoresNothing() {
        long before = ((Number) Api.as("admin").get("/api/v1/audit?action=record.ingest").then().statusCode(200).extract().path("total")).longValue();
        JsonPath b = Api.as("hisbot").contentType("application/fhir+json").body(Api.sample(Api.LATE, "rec-qc-only"))
                .post("/api/v1/records/$qc?region=CN-GD").then().statusCode(200).contentType("application/fhir+json")
                .body("resourceType", equalTo("Bundle")).body("type", equalTo("collection"))
                .extract().jsonPath();
        List<String> ids = b.getList("entry.findAll { it.resource.resourceType == 'DetectedIssue' }.resource.id");
        assertEquals(List.of("UNR-ALLERGY-RX-352e7484881888f7", "CNS-ALLERGY-TEXT-1b8da3ab7e00dd72", "UNR-BP-RELATION-fb9eb969d465107d",
                "TIM-ADM-24H-5ea6239376b21d69"), ids);
        assertEquals("丙", b.getString("entry.find { it.resource.resourceType == 'MeasureReport' }.resource.group[0].stratifier[0].stratum[0].value.coding[0].code"));
        long after = ((Number) Api.as("admin").get("/api/v1/audit?action=record.ingest").then().extract().path("total")).longValue();
        assertEquals(before, after);
    }

    @Test
    void qcIsOpenToEveryRoleButNotToAnonymous() {
        Api.anonymous().contentType("application/json").body(Api.sample(Api.LATE, "x")).post("/api/v1/records/$qc").then().statusCode(401);
        Api.as("physician").contentType("application/json").body(Api.sample(Api.COMPLETE, "x")).post("/api/v1/records/$qc").then().statusCode(200);
    }

    @Test
    void qcOfABarePatientScoresIt() {
        Api.as("hisbot").contentType("application/json").body("{\"resourceType\": \"Patient\", \"id\": \"p9\"}")
                .post("/api/v1/records/$qc?region=CN-GD").then().statusCode(200)
                .body("entry.find { it.resource.resourceType == 'MeasureReport' }.resource.subject.reference", equalTo("Patient/p9"));
    }

    @Test
    void anotherOperationIs404() {
        Api.as("hisbot").contentType("application/json").body("{}").post("/api/v1/records/$validate").then().statusCode(404)
                .body("detail", equalTo("no operation $validate on records (the one there is: $qc)"));
    }

    @Test
    void recordViewExplainsEachFindingAndIsAudited() {
        String id = submitLate("rec-view");
        JsonPath v = Api.as("reviewer").get("/api/v1/records/" + id).then().statusCode(200)
                .body("recordId", equalTo(id))
                .body("patientName", equalTo(patientName()))
                .body("department", equalTo("普通外科"))
                .body("region", equalTo("CN-GD"))
                .body("grade", equalTo("丙"))
                .body("status", equalTo("open"))
                .body("findings", hasSize(4))
                .body("documents.ref", hasItem("Composition/adm1"))
                .body("facts.encounters[0].ref", equalTo("Encounter/enc1"))
                .extract().jsonPath();
        Map<String, Object> late = v.getMap("findings.find { it.ruleId == 'TIM-ADM-24H' }");
        assertEquals("untimely", late.get("defectClass"));
        assertEquals("high", late.get("severity"));
        assertEquals(true, late.get("veto"));
        assertEquals("open", late.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> params = (Map<String, Map<String, Object>>) late.get("parameters");
        assertEquals(Map.of("value", true, "origin", "CN-GD"), params.get("veto"));
        assertEquals(Map.of("value", 24, "origin", "pack"), params.get("limitHours"));
        // narrative evidence: the span slices the document text to exactly the quote
        Map<String, Object> allergy = v.getMap("findings.find { it.ruleId == 'CNS-ALLERGY-TEXT' }");
        @SuppressWarnings("unchecked")
        Map<String, Object> span = ((List<Map<String, Object>>) allergy.get("spans")).get(0);
        String doc = (String) span.get("document");
        String text = v.getString("documents.find { it.ref == '" + doc + "' }.text");
        assertEquals(span.get("quote"), text.substring((Integer) span.get("start"), (Integer) span.get("end")));

        Api.as("admin").get("/api/v1/audit?entity=record&entityId=" + id + "&action=record.view").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].username", equalTo("reviewer"));
    }

    @Test
    void recordViewAccess() {
        String id = submitLate("rec-access");
        Api.anonymous().get("/api/v1/records/" + id).then().statusCode(401);
        Api.as("hisbot").get("/api/v1/records/" + id).then().statusCode(403);
        // the demo physician is Practitioner/dr-attending? the record's attending decides
        Api.as("otherdoc").get("/api/v1/records/" + id).then().statusCode(403)
                .body("detail", equalTo("record " + id + " is not one of your records"));
        Api.as("reviewer").get("/api/v1/records/nope").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no record nope"));
    }

    @Test
    void completeRecordHasNoFindingsAndTimelinessHours() {
        String id = Api.as("hisbot").contentType("application/json").body(Api.sample(Api.COMPLETE, "rec-complete"))
                .post("/api/v1/records?region=CN-GD").then().statusCode(201)
                .body("records[0].grade", equalTo("甲")).body("records[0].findings", equalTo(0)).extract().path("records[0].recordId");
        Api.as("reviewer").get("/api/v1/records/" + id).then().statusCode(200)
                .body("findings", hasSize(0)).body("status", equalTo("closed"))
                .body("timeliness.keySet()", containsInAnyOrder("admission-record", "operative-note", "discharge-record"))
                .body("timeliness.front-sheet", nullValue());
    }

    static String patientName() { return "测试患者"; }
}
