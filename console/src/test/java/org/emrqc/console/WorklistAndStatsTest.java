package org.emrqc.console;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worklist (filters, sort, paging, facets, physician scope) and the statistics API with CSV. */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class WorklistAndStatsTest {
    static final String DAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

    private static boolean loaded;

    @BeforeEach
    void data() {
        if (loaded) return;
        loaded = true;
        TestUsers.ensure("hisbot", "integration", null);
        for (String id : List.of("wl-1", "wl-2", "wl-3")) {
            Api.as("hisbot").contentType("application/json").body(Api.sample(Api.LATE, id)).post("/api/v1/records?region=CN-GD").then().statusCode(201);
        }
        Api.as("hisbot").contentType("application/json").body(Api.sample(Api.COMPLETE, "wl-ok")).post("/api/v1/records?region=CN-GD").then().statusCode(201);
    }

    @Test
    void worklistFiltersSortsPagesAndCounts() {
        JsonPath all = Api.as("reviewer").get("/api/v1/worklist?rule=TIM-ADM-24H&region=CN-GD&size=200").then().statusCode(200).extract().jsonPath();
        int total = all.getInt("total");
        assertTrue(total >= 3, "at least this class's three records");
        assertEquals(total, all.getList("items").size());
        assertEquals(total, all.getInt("facets.department.普通外科"));
        assertEquals(total, all.getInt("facets.defectClass.untimely"));
        assertEquals(total, all.getInt("facets.grade.丙"));
        assertEquals(4, all.getInt("items[0].findings"));
        assertEquals("普通外科", all.getString("items[0].department"));

        Api.as("reviewer").get("/api/v1/worklist?rule=TIM-ADM-24H&region=CN-GD&size=2&page=0&sort=score&dir=asc").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("total", equalTo(total)).body("page", equalTo(0)).body("size", equalTo(2));
        // records with a late admission record are vetoed in CN-GD (other classes store 甲 records in the shared database)
        Api.as("reviewer").get("/api/v1/worklist?grade=甲&rule=TIM-ADM-24H&region=CN-GD").then().statusCode(200).body("total", equalTo(0));
        Api.as("reviewer").get("/api/v1/worklist?department=心内科").then().statusCode(200).body("total", equalTo(0));
        Api.as("reviewer").get("/api/v1/worklist?from=2000-01-01&to=2000-01-31").then().statusCode(200).body("total", equalTo(0));
        Api.as("reviewer").get("/api/v1/worklist?from=" + DAY + "&to=" + DAY + "&rule=TIM-ADM-24H&region=CN-GD").then().statusCode(200).body("total", equalTo(total));
    }

    @Test
    void worklistRejectsBadParameters() {
        Api.as("reviewer").get("/api/v1/worklist?severity=urgent").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("severity: 'urgent' is not one of high, moderate, low"));
        Api.as("reviewer").get("/api/v1/worklist?sort=age").then().statusCode(400).body("detail", startsWith("sort: one of "));
        Api.as("reviewer").get("/api/v1/worklist?size=1000").then().statusCode(400).body("detail", equalTo("size: 1 to 200"));
        Api.as("reviewer").get("/api/v1/worklist?from=yesterday").then().statusCode(400)
                .body("detail", equalTo("from: 'yesterday' is not a date (yyyy-MM-dd) or an ISO-8601 instant"));
    }

    @Test
    void worklistAccess() {
        Api.anonymous().get("/api/v1/worklist").then().statusCode(401);
        Api.as("hisbot").get("/api/v1/worklist").then().statusCode(403);
        // the demo physician is Practitioner/dr-attending; these records' attending (first author) is dr-resident
        Api.as("physician").get("/api/v1/worklist?rule=TIM-ADM-24H&region=CN-GD").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void nationalIndicatorsWithDrillDown() {
        // each sample record is a finished stay with an appendectomy: in the denominators of 14 (operation), 17 and 25
        // (a finished stay), 21 (a principal diagnosis) and 26 (an act that needs a consent)
        JsonPath s = Api.as("reviewer").get("/api/v1/stats?from=" + DAY + "&to=" + DAY).then().statusCode(200).extract().jsonPath();
        Map<String, Object> op = s.getMap("indicators.find { it.code == 'MER-D&T-04' }");
        assertEquals(14, op.get("number"));
        assertEquals(Map.of("zh", "手术相关记录完整率", "en", "Completeness of operation-related records"), op.get("name"));
        int den = (Integer) op.get("denominator");
        assertTrue(den >= 4, "the four records of this class have an operation: " + op);
        Map<String, Object> copy = s.getMap("indicators.find { it.code == 'MER-TQ-07' }");
        assertEquals(true, copy.get("occurrence"));
        Map<String, Object> ct = s.getMap("indicators.find { it.code == 'MER-ME-01' }");
        assertEquals(0, ct.get("denominator"), "no record of this class has a CT");

        JsonPath drill = Api.as("reviewer").get("/api/v1/stats/indicators/MER-D&T-04/records?from=" + DAY + "&to=" + DAY).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(den, drill.getList("records").size());
        Map<String, Object> one = drill.getMap("records.find { it.patientName != null }");
        @SuppressWarnings("unchecked")
        Map<String, String> why = (Map<String, String>) one.get("why");
        assertTrue(why.get("zh").startsWith("腹腔镜阑尾切除术（2025-03-04"), why.toString());
        assertEquals(List.of("Procedure/op1"), one.get("refs"));
        int numerator = (Integer) op.get("numerator");
        int out = Api.as("reviewer").get("/api/v1/stats/indicators/MER-D&T-04/records?numerator=false&from=" + DAY + "&to=" + DAY).then().statusCode(200)
                .extract().jsonPath().getList("records").size();
        assertEquals(den - numerator, out);

        Api.as("reviewer").get("/api/v1/stats/indicators/MER-XX-99/records").then().statusCode(404).contentType("application/problem+json");
        Api.as("reviewer").get("/api/v1/stats/indicators/MER-D&T-04/records?numerator=maybe").then().statusCode(400);
        Api.as("physician").get("/api/v1/stats/indicators/MER-D&T-04/records").then().statusCode(403);
        String csv = Api.as("reviewer").get("/api/v1/stats.csv?table=indicators").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("\uFEFFindicator,number,name,period,department,denominator,numerator,rate\r\nMER-ME-01,8,CT/MRI检查记录符合率,"), csv);
        assertTrue(csv.contains("\r\nMER-D&T-04,14,手术相关记录完整率,,," + den + "," + numerator + ","), csv);

        // the record view shows the record's indicators with its numerator as the findings stand
        String recordId = (String) one.get("recordId");
        JsonPath rec = Api.as("reviewer").get("/api/v1/records/" + recordId).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Procedure/op1"), rec.getList("indicators.find { it.code == 'MER-D&T-04' }.refs"));
    }

    @Test
    void statisticsAndCsv() {
        JsonPath s = Api.as("reviewer").get("/api/v1/stats?from=" + DAY + "&to=" + DAY + "&groupBy=rule&interval=day").then().statusCode(200).extract().jsonPath();
        int records = s.getInt("totals.records");
        assertTrue(records >= 4);
        Map<String, Object> late = s.getMap("defectRates.find { it.key == 'TIM-ADM-24H' }");
        assertEquals(records, late.get("records"));
        assertEquals(DAY, late.get("period"));
        assertEquals(Map.of("indicator", "admission-record", "name", "入院记录"),
                Map.of("indicator", s.getString("timeliness[0].indicator"), "name", s.getString("timeliness[0].name")));
        assertTrue(s.getInt("gradeDistribution.甲") >= 1);
        assertTrue(s.getInt("gradeDistribution.丙") >= 3);
        Api.as("reviewer").get("/api/v1/stats?groupBy=department").then().statusCode(200).body("defectRates.key", hasItems("普通外科"));
        Api.as("reviewer").get("/api/v1/stats?groupBy=ward").then().statusCode(400)
                .body("detail", equalTo("groupBy: 'ward' is not one of department, doctor, rule, defectClass"));

        String csv = Api.as("admin").get("/api/v1/stats.csv?table=grades").then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", "attachment; filename=\"emrqc-grades.csv\"").extract().asString();
        assertTrue(csv.startsWith("\uFEFFgrade,records\r\n甲,"), csv);
        Api.anonymous().get("/api/v1/stats").then().statusCode(401);
        Api.as("physician").get("/api/v1/stats").then().statusCode(403);
        Api.anonymous().get("/api/v1/stats.csv").then().statusCode(401);
        Api.as("hisbot").get("/api/v1/stats.csv").then().statusCode(403);
    }
}
