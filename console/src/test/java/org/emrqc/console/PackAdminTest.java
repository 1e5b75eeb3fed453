package org.emrqc.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.emrqc.rules.admin.PackArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Rule-pack administration through the API: the seeded core pack, effective rules with origins, a draft edited for
 * CN-GD (TIM-ADM-24H limitHours 24 → 8: the CN-GD fixture of a record signed at 23 h then fails, so publishing is
 * refused with that problem), a new hospital region CN-GD-H001 with the 8 h limit instead, a knowledge table,
 * validation, a shadow run on a stored record, publish (immutable, diff), activation and rollback (the finding appears
 * and goes), export/import, refused packs, the audit trail, and 401/403 on every endpoint. Its own database: it
 * changes the version in force.
 */
@QuarkusTest
@TestProfile(PackAdminTest.Fresh.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackAdminTest {
    public static class Fresh implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() { return List.of(new TestResourceEntry(PostgresTestDatabase.class)); }
    }

    static final String BASE = "/api/v1/admin/packs";
    static final String SHIPPED = "2026.11.0";
    static final String V = BASE + "/core/versions/";
    static final String RULE = "TIM-ADM-24H";
    static final String HOSPITAL = "CN-GD-H001";

    static RequestSpecification admin() { return Api.as("admin"); }

    static String qc(String bundleId) {
        return Api.as("admin").contentType("application/json").body(Api.sample(Api.COMPLETE, bundleId))
                .post("/api/v1/records/$qc?region=" + HOSPITAL).then().statusCode(200).extract().asString();
    }

    @Test
    @Order(1)
    void theShippedPackIsSeededPublishedAndActive() {
        JsonPath p = admin().get(BASE).then().statusCode(200).extract().jsonPath();
        assertEquals("core@" + SHIPPED, p.getString("serving"));
        assertEquals("core", p.getString("packs[0].packId"));
        assertEquals(SHIPPED, p.getString("packs[0].active.version"));
        assertEquals("system", p.getString("packs[0].active.activatedBy"));
        assertEquals("published", p.getString("packs[0].versions[0].status"));
        assertEquals(true, p.getBoolean("packs[0].versions[0].active"));
        assertEquals(64, p.getString("packs[0].versions[0].sha256").length());
        admin().get(BASE + "/core/activations").then().statusCode(200).body("[0].version", equalTo(SHIPPED));
    }

    @Test
    @Order(2)
    void regionsAndEffectiveRulesWithOrigins() {
        admin().get(V + SHIPPED + "/regions").then().statusCode(200)
                .body("code", hasItem("CN-GD"))
                .body("find { it.code == 'CN-GD' }.parent", equalTo("CN"))
                .body("find { it.code == 'CN-GD' }.chain", equalTo("CN-GD → CN → base"));
        JsonPath r = admin().get(V + SHIPPED + "/regions/CN-GD/rules").then().statusCode(200).extract().jsonPath();
        assertEquals("CN-GD", r.getString("resolvedRegion"));
        assertEquals(24, r.getInt("rules.find { it.id == '" + RULE + "' }.params.limitHours"));
        assertEquals("pack", r.getString("rules.find { it.id == '" + RULE + "' }.origins['params.limitHours']"));
        assertEquals("CN-GD", r.getString("rules.find { it.id == '" + RULE + "' }.origins.veto"));
        assertEquals("CN", r.getString("rules.find { it.id == '" + RULE + "' }.origins.enabled"));
        assertEquals("CN-GD", r.getString("rules.find { it.id == 'TIM-ATT-ROUND' }.origins['params.limitHours']"));
        // a region without its own overlay falls back to its parent, and says so
        admin().get(V + SHIPPED + "/regions/CN-GD-H999/rules").then().statusCode(200)
                .body("resolvedRegion", equalTo("CN-GD")).body("ownOverlay", equalTo(false));
        admin().get(V + "9.9.9/regions").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no pack version core@9.9.9"));
    }

    @Test
    @Order(3)
    void aDraftIsEditedForOneRegion() {
        assertFalse(qc("pack-before").contains(RULE), "the complete sample has no late admission record at 24 h");
        admin().contentType("application/json").body(Map.of("from", SHIPPED, "note", "Guangdong: admission record within 8 h"))
                .post(BASE + "/core/drafts").then().statusCode(201)
                .body("version", equalTo("2026.11.1")).body("status", equalTo("draft")).body("parentVersion", equalTo(SHIPPED));
        admin().contentType("application/json").body(Map.of("params", Map.of("limitHours", 8)))
                .put(V + "2026.11.1/regions/CN-GD/rules/" + RULE).then().statusCode(200)
                .body("params.limitHours", equalTo(8)).body("origins['params.limitHours']", equalTo("CN-GD"));
        // the draft changed, the published version did not
        admin().get(V + SHIPPED + "/regions/CN-GD/rules").then().body("rules.find { it.id == '" + RULE + "' }.params.limitHours", equalTo(24));
        admin().get(V + "2026.11.1/regions/CN/rules").then().body("rules.find { it.id == '" + RULE + "' }.params.limitHours", equalTo(24));
        // clear messages for edits that cannot be made
        admin().contentType("application/json").body(Map.of("params", Map.of("limitHourz", 8)))
                .put(V + "2026.11.1/regions/CN-GD/rules/" + RULE).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("limitHourz"));
        admin().contentType("application/json").body(Map.of("severity", "catastrophic"))
                .put(V + "2026.11.1/regions/CN-GD/rules/" + RULE).then().statusCode(400).body("detail", containsString("catastrophic"));
        admin().contentType("application/json").body(Map.of())
                .put(V + "2026.11.1/regions/CN-GD/rules/" + RULE).then().statusCode(400).body("detail", startsWith("nothing to change"));
        admin().contentType("application/json").body(Map.of("points", 3))
                .put(V + SHIPPED + "/regions/CN-GD/rules/" + RULE).then().statusCode(409).body("detail", containsString("is published"));
    }

    @Test
    @Order(4)
    void aStricterProvinceLimitBreaksItsFixturesAndIsNotPublished() {
        Response r = admin().contentType("application/json").body(Map.of()).post(V + "2026.11.1/publish");
        r.then().statusCode(422).contentType("application/problem+json")
                .body("detail", startsWith("core@2026.11.1 cannot be published: 1 problem(s): fixtures/untimely.yaml:22: " + RULE + " is silent on"))
                .body("problems[0].file", equalTo("fixtures/untimely.yaml"))
                .body("problems[0].line", equalTo(22))
                .body("problems[0].stage", equalTo("fixtures"));
        admin().get(V + "2026.11.1").then().body("status", equalTo("draft"));
        // back to what CN-GD inherits
        admin().contentType("application/json").body(Map.of("clear", List.of("params.limitHours")))
                .put(V + "2026.11.1/regions/CN-GD/rules/" + RULE).then().statusCode(200)
                .body("params.limitHours", equalTo(24)).body("origins['params.limitHours']", equalTo("pack"));
    }

    @Test
    @Order(5)
    void aHospitalRegionNeedsAParentAndInheritsFromIt() {
        admin().contentType("application/json").body(Map.of("code", HOSPITAL))
                .post(V + "2026.11.1/regions").then().statusCode(400).body("detail", containsString("parent"));
        admin().contentType("application/json").body(Map.of("code", HOSPITAL, "parent", "CN-GD", "name", Map.of("zh", "示例医院", "en", "Example hospital")))
                .post(V + "2026.11.1/regions").then().statusCode(201).body("chain", equalTo(HOSPITAL + " → CN-GD → CN → base"));
        admin().contentType("application/json").body(Map.of("params", Map.of("limitHours", 8)))
                .put(V + "2026.11.1/regions/" + HOSPITAL + "/rules/" + RULE).then().statusCode(200)
                .body("params.limitHours", equalTo(8)).body("origins['params.limitHours']", equalTo(HOSPITAL))
                .body("origins.veto", equalTo("CN-GD"));
        admin().contentType("application/json").body(Map.of("enabled", false))
                .put(V + "2026.11.1/regions/" + HOSPITAL + "/rules/UNR-CC-LENGTH").then().statusCode(200)
                .body("enabled", equalTo(false)).body("origins.enabled", equalTo(HOSPITAL + " (disabled)"));
        admin().get(V + "2026.11.1/regions/CN-GD/rules").then().statusCode(200)
                .body("rules.find { it.id == '" + RULE + "' }.params.limitHours", equalTo(24));
    }

    @Test
    @Order(6)
    void aKnowledgeTableIsReplacedFromCsvWithItsHeaderChecked() throws Exception {
        String csv = Files.readString(Path.of("../rule-packs/core/knowledge/document-types.csv"), StandardCharsets.UTF_8);
        long rows = csv.lines().filter(l -> !l.isBlank()).count() - 1;
        String more = csv + (csv.endsWith("\n") ? "" : "\n") + "title,入院记录（简表）,admission-record,local short form\n";
        admin().contentType("text/csv").body(more.getBytes(StandardCharsets.UTF_8))
                .put(V + "2026.11.1/knowledge/document-types").then().statusCode(200)
                .body("rows", equalTo((int) rows + 1)).body("file", equalTo("knowledge/document-types.csv"));
        admin().contentType("text/csv").body("system,code,type,note\nloinc,1,x,y\n".getBytes(StandardCharsets.UTF_8))
                .put(V + "2026.11.1/knowledge/document-types").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("document-types.csv: row 1, column 3 'type': not a column of the table (table document-types has system, code, kind, note);"
                        + " row 1, column 'kind' is missing (table document-types has system, code, kind, note)"))
                .body("problems[0].line", equalTo(1)).body("problems[0].stage", equalTo("knowledge"));
        admin().contentType("text/csv").body("system,code,kind,note\n,1,x,y\n".getBytes(StandardCharsets.UTF_8))
                .put(V + "2026.11.1/knowledge/document-types").then().statusCode(400)
                .body("detail", equalTo("document-types.csv: row 2, column 'system': the key column is empty"));
        // the same table as a spreadsheet
        admin().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(xlsx(more))
                .put(V + "2026.11.1/knowledge/document-types").then().statusCode(200).body("rows", equalTo((int) rows + 1));
        admin().contentType("text/csv").body(more.getBytes(StandardCharsets.UTF_8))
                .put(V + "2026.11.1/knowledge/no-such-table").then().statusCode(404).body("detail", containsString("no knowledge table 'no-such-table'"));
    }

    @Test
    @Order(7)
    void validationIsStored() {
        admin().post(V + "2026.11.1/validate").then().statusCode(200)
                .body("ok", equalTo(true)).body("pack", equalTo("core@2026.11.1")).body("problems.size()", equalTo(0))
                .body("fixtures.failed", equalTo(0));
        admin().get(V + "2026.11.1").then().statusCode(200).body("valid", equalTo(true)).body("validation.ok", equalTo(true));
    }

    @Test
    @Order(8)
    void theShadowRunShowsTheFindingTheDraftAdds() {
        String recordId = Api.as("admin").contentType("application/json").body(Api.sample(Api.COMPLETE, "pack-shadow"))
                .post("/api/v1/records?region=" + HOSPITAL).then().statusCode(201).extract().path("records[0].recordId");
        JsonPath s = admin().contentType("application/json").body(Map.of("last", 10))
                .post(V + "2026.11.1/shadow").then().statusCode(200).extract().jsonPath();
        assertEquals("core@" + SHIPPED, s.getString("active"));
        assertEquals("core@2026.11.1", s.getString("candidate"));
        assertEquals(1, s.getInt("recordsCompared"));
        Map<String, Object> rule = s.getMap("comparison.rules.find { it.rule == '" + RULE + "' }");
        assertNotNull(rule, "the shadow report names " + RULE + ": " + s.prettify());
        assertEquals(1, rule.get("added"));
        assertEquals(0, rule.get("removed"));
        assertEquals(recordId, s.getString("comparison.rules.find { it.rule == '" + RULE + "' }.addedExamples[0].recordId"));
        assertTrue(s.getString("comparison.rules.find { it.rule == '" + RULE + "' }.addedExamples[0].detail").contains("8"));
        admin().contentType("application/json").body(Map.of("last", 0)).post(V + "2026.11.1/shadow").then().statusCode(400)
                .body("detail", equalTo("last: 1 to 5000"));
    }

    @Test
    @Order(9)
    void publishingStoresTheDiffAndFreezesTheVersion() {
        admin().contentType("application/json").body(Map.of("version", "bad version")).post(V + "2026.11.1/publish").then().statusCode(400)
                .body("detail", containsString("not a version"));
        admin().contentType("application/json").body(Map.of("note", "GD admission record 8 h")).post(V + "2026.11.1/publish").then().statusCode(200)
                .body("status", equalTo("published")).body("publishedBy", equalTo("admin")).body("hasDiff", equalTo(true));
        JsonPath d = admin().get(V + "2026.11.1/diff").then().statusCode(200).extract().jsonPath();
        assertEquals("core@" + SHIPPED, d.getString("before"));
        assertEquals("core@2026.11.1", d.getString("after"));
        assertEquals(8, d.getInt("regions.find { it.region == '" + HOSPITAL + "' }.rules.find { it.rule == '" + RULE + "' }.settings.find { it.setting == 'params.limitHours' }.after"), d.prettify());
        assertTrue(d.getList("files.path").contains("knowledge/document-types.csv"), d.prettify());
        admin().contentType("application/json").body(Map.of("veto", false)).put(V + "2026.11.1/regions/CN-GD/rules/" + RULE).then().statusCode(409);
        admin().contentType("text/csv").body("system,code,kind,note\n").put(V + "2026.11.1/knowledge/document-types").then().statusCode(409);
        admin().delete(V + "2026.11.1").then().statusCode(409);
        admin().get(V + SHIPPED + "/diff").then().statusCode(404).body("detail", containsString("first published version"));
    }

    @Test
    @Order(10)
    void anInvalidDraftIsNotPublished() {
        admin().contentType("application/json").body(Map.of("from", "2026.11.1")).post(BASE + "/core/drafts").then().statusCode(201)
                .body("version", equalTo("2026.11.2"));
        // an empty document-type table loads but breaks the fixtures of the timeliness rules
        admin().contentType("text/csv").body("system,code,kind,note\n").put(V + "2026.11.2/knowledge/document-types").then().statusCode(200).body("rows", equalTo(0));
        Response r = admin().contentType("application/json").body(Map.of()).post(V + "2026.11.2/publish");
        r.then().statusCode(422).contentType("application/problem+json")
                .body("detail", startsWith("core@2026.11.2 cannot be published"))
                .body("problems.stage", hasItem("fixtures"));
        admin().get(V + "2026.11.2").then().body("status", equalTo("draft"));
        admin().contentType("application/json").body(Map.of()).post(V + "2026.11.2/activate").then().statusCode(409)
                .body("detail", containsString("publish it before activating"));
        admin().delete(V + "2026.11.2").then().statusCode(204);
        admin().get(V + "2026.11.2").then().statusCode(404);
    }

    @Test
    @Order(11)
    void activationSwapsTheRulesAndRollbackSwapsThemBack() {
        admin().contentType("application/json").body(Map.of()).post(V + "2026.11.1/activate").then().statusCode(200)
                .body("version", equalTo("2026.11.1")).body("previousVersion", equalTo(SHIPPED)).body("serving", equalTo("core@2026.11.1"));
        String after = qc("pack-after");
        assertTrue(after.contains(RULE), "the finding of the new limit: " + after);
        assertTrue(after.contains("core@2026.11.1"), "the findings carry the version");
        String stored = Api.as("admin").contentType("application/json").body(Api.sample(Api.COMPLETE, "pack-shadow"))
                .post("/api/v1/records?region=" + HOSPITAL).then().statusCode(201).extract().path("records[0].recordId");
        JsonPath view = Api.as("admin").get("/api/v1/records/" + stored).then().statusCode(200).extract().jsonPath();
        assertEquals("core@2026.11.1", view.getString("findings.find { it.ruleId == '" + RULE + "' }.packVersion"));
        admin().get(BASE).then().body("packs[0].active.version", equalTo("2026.11.1"));

        admin().contentType("application/json").body(Map.of()).post(V + SHIPPED + "/activate").then().statusCode(200)
                .body("previousVersion", equalTo("2026.11.1")).body("serving", equalTo("core@" + SHIPPED));
        assertFalse(qc("pack-rolled-back").contains(RULE));
        admin().get(BASE + "/core/activations").then().body("version", equalTo(List.of(SHIPPED, "2026.11.1", SHIPPED)));
    }

    @Test
    @Order(12)
    void exportAndImport() throws Exception {
        byte[] zip = admin().get(V + "2026.11.1/export").then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", containsString("core-2026.11.1.zip")).extract().asByteArray();
        String sha = admin().get(V + "2026.11.1").then().extract().path("sha256");
        assertEquals(sha, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip)), "the export is the stored archive");
        admin().contentType("application/zip").body(zip).post(BASE + "/import").then().statusCode(409)
                .body("detail", containsString("core@2026.11.1 exists already (published, same content)"));
        admin().contentType("application/zip").body(zip).post(BASE + "/import?version=2026.12.0&note=from the test").then().statusCode(201)
                .body("version", equalTo("2026.12.0")).body("status", equalTo("draft")).body("valid", equalTo(true)).body("note", equalTo("from the test"));
        byte[] again = admin().get(V + "2026.12.0/export").then().statusCode(200).extract().asByteArray();
        PackArchive a = PackArchive.read(zip);
        PackArchive b = PackArchive.read(again);
        assertArrayEquals(a.files().get("regions/CN-GD.yaml"), b.files().get("regions/CN-GD.yaml"));
    }

    @Test
    @Order(13)
    void aFailingPackIsRejectedWithReasonsAndTheActiveVersionKeepsServing() throws Exception {
        byte[] zip = admin().get(V + SHIPPED + "/export").then().statusCode(200).extract().asByteArray();
        PackArchive good = PackArchive.read(zip);
        String drl = good.text("templates/future-date.drl");
        PackArchive broken = good.with("templates/future-date.drl", drl.replaceFirst("then", "then this is not java;\n"))
                .with("pack.yaml", good.text("pack.yaml").replace("version: " + SHIPPED, "version: 2026.13.0"));
        admin().contentType("application/zip").body(broken.zip()).post(BASE + "/import").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", startsWith("the pack is refused"))
                .body("problems.stage", hasItem("compile"))
                .body("problems.file", hasItem("templates/future-date.drl"))
                .body("problems.find { it.file == 'templates/future-date.drl' }.line", notNullValue());
        admin().contentType("application/zip").body("not a zip".getBytes(StandardCharsets.UTF_8)).post(BASE + "/import").then().statusCode(422)
                .body("problems[0].stage", equalTo("archive"));
        admin().contentType("application/zip").body(evil()).post(BASE + "/import").then().statusCode(422)
                .body("detail", containsString("'..'"));
        admin().get(V + "2026.13.0").then().statusCode(404);
        admin().get(BASE).then().body("serving", equalTo("core@" + SHIPPED));
        assertFalse(qc("pack-still-serving").contains(RULE));
    }

    /** A CSV text as the first sheet of a workbook (Apache POI, which the rules module brings). */
    static byte[] xlsx(String csv) throws Exception {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); ByteArrayOutputStream buf = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("table");
            int r = 0;
            try (com.fasterxml.jackson.databind.MappingIterator<List<String>> it = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                    .readerForListOf(String.class).with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv)) {
                while (it.hasNextValue()) {
                    List<String> cells = it.nextValue();
                    var row = sheet.createRow(r++);
                    for (int c = 0; c < cells.size(); c++) row.createCell(c).setCellValue(cells.get(c));
                }
            }
            wb.write(buf);
            return buf.toByteArray();
        }
    }

    static byte[] evil() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(buf)) {
            z.putNextEntry(new ZipEntry("../pack.yaml"));
            z.write("id: core\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return buf.toByteArray();
    }

    @Test
    @Order(14)
    void everyAdminActionIsAudited() {
        JsonPath a = admin().get("/api/v1/audit?entity=pack_version&size=200").then().statusCode(200).extract().jsonPath();
        List<String> actions = a.getList("items.action");
        for (String action : List.of("pack.seed", "pack.draft.create", "pack.draft.rule", "pack.draft.region", "pack.draft.knowledge", "pack.validate",
                "pack.shadow", "pack.publish", "pack.publish.refused", "pack.draft.delete", "pack.activate", "pack.export", "pack.import", "pack.import.refused")) {
            assertTrue(actions.contains(action), action + " in " + actions);
        }
        assertEquals("admin", a.getString("items.find { it.action == 'pack.draft.rule' }.username"));
        assertEquals(8, a.getInt("items.find { it.action == 'pack.draft.rule' && it.after.region == '" + HOSPITAL + "' && it.after.rule == '" + RULE + "' }.after.settings.params.limitHours"));
    }

    @Test
    @Order(15)
    void onlyAdminsMayAdministerPacks() {
        List<String[]> endpoints = List.of(
                new String[] {"GET", BASE},
                new String[] {"GET", BASE + "/core/activations"},
                new String[] {"GET", V + SHIPPED},
                new String[] {"DELETE", V + "2026.12.0"},
                new String[] {"GET", V + SHIPPED + "/regions"},
                new String[] {"GET", V + SHIPPED + "/regions/CN-GD/rules"},
                new String[] {"POST", BASE + "/core/drafts"},
                new String[] {"PUT", V + "2026.12.0/regions/" + HOSPITAL + "/rules/" + RULE},
                new String[] {"POST", V + "2026.12.0/regions"},
                new String[] {"PUT", V + "2026.12.0/knowledge/document-types"},
                new String[] {"POST", V + "2026.12.0/validate"},
                new String[] {"POST", V + "2026.12.0/publish"},
                new String[] {"GET", V + "2026.11.1/diff"},
                new String[] {"GET", V + SHIPPED + "/export"},
                new String[] {"POST", BASE + "/import"},
                new String[] {"POST", V + SHIPPED + "/activate"},
                new String[] {"POST", V + "2026.11.1/shadow"});
        for (String[] e : endpoints) {
            String type = e[1].endsWith("/knowledge/document-types") ? "text/csv" : e[1].endsWith("/import") ? "application/zip" : "application/json";
            byte[] body = type.equals("application/json") ? "{}".getBytes(StandardCharsets.UTF_8) : "x".getBytes(StandardCharsets.UTF_8);
            int anonymous = Api.anonymous().contentType(type).body(body).request(e[0], e[1]).then().extract().statusCode();
            assertEquals(401, anonymous, "anonymous " + e[0] + " " + e[1]);
            Api.anonymous().contentType(type).body(body).request(e[0], e[1]).then().contentType("application/problem+json");
            int reviewer = Api.as("reviewer").contentType(type).body(body).request(e[0], e[1]).then().extract().statusCode();
            assertEquals(403, reviewer, "reviewer " + e[0] + " " + e[1]);
        }
        admin().get(BASE).then().statusCode(200);
        // nothing changed by the refused requests
        admin().get(V + "2026.12.0").then().statusCode(200).body("status", equalTo("draft"));
    }
}
