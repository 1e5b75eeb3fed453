package org.emrqc.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web UI end to end in Debian's Chromium (Playwright, no browser download): log in, filter the worklist, open a
 * record, follow a highlighted evidence span to its finding and back, dismiss the finding with a reason (an empty
 * reason is refused), send the record back to a physician (the API's problem message is shown for a past due date),
 * the physician appeals and the reviewer decides, the statistics change, and the zh/en switch. Screenshots go to
 * target/screenshots/.
 *
 * <p>Its own profile gives it a fresh database (the records it seeds would change other classes' counts).
 */
@QuarkusTest
@TestProfile(ReviewInBrowserIT.Fresh.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewInBrowserIT {
    public static class Fresh implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() { return List.of(new TestResourceEntry(PostgresTestDatabase.class)); }
    }

    static final Path SHOTS = Chromium.SHOTS;
    static final String TEMPERATURE = "admission-exam-temperature-45";
    static final String VITALS_RULE = "UNR-NARR-VITALS";

    static Chromium chromium;
    static Browser browser;
    /** recordId by seed name */
    static final Map<String, String> records = new java.util.LinkedHashMap<>();

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void browser() throws IOException {
        chromium = Chromium.launch();
        browser = chromium.browser;
    }

    @AfterAll
    static void close() {
        if (chromium != null) chromium.close();
    }

    /** The two CN samples and every narrative fixture record, through the API (so evidence spans exist); once. */
    @BeforeEach
    void seed() throws IOException {
        if (!records.isEmpty()) return;
        submit("sample-late", Api.sample(Api.LATE, "ui-late"), "CN-GD");
        submit("sample-complete", Api.sample(Api.COMPLETE, "ui-complete"), "CN-GD");
        List<Path> fixtures = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Paths.get("../rule-packs/core/fixtures/records/narrative"), "*.json")) {
            dir.forEach(fixtures::add);
        }
        assertTrue(fixtures.size() >= 10, "narrative fixtures found: " + fixtures.size());
        fixtures.sort(null);
        for (Path f : fixtures) submit(f.getFileName().toString().replace(".json", ""), Files.readAllBytes(f), null);
    }

    static void submit(String name, byte[] body, String region) {
        String id = Api.as("admin").contentType("application/json").body(body)
                .post("/api/v1/records" + (region == null ? "" : "?region=" + region)).then().statusCode(201)
                .extract().path("records[0].recordId");
        records.put(name, id);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    Page open(String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale(locale)
                .setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        page.onPageError(pageErrors::add);
        page.navigate(base.toString());
        return page;
    }

    /** JavaScript errors of the pages of the running test (uncaught exceptions in the UI fail the test). */
    final List<String> pageErrors = new ArrayList<>();

    void done(Page page) {
        page.context().close();
        assertTrue(pageErrors.isEmpty(), "JavaScript errors in the page: " + pageErrors);
    }

    static void login(Page page, String user, String password) {
        assertThat(page.getByTestId("login-form")).isVisible();
        page.getByTestId("login-username").fill(user);
        page.getByTestId("login-password").fill(password);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("header-user")).isVisible();
    }

    /** Logs out; a fresh load of a page then asks to log in again (the session cookie is gone). */
    void logout(Page page) {
        page.getByTestId("logout").click();
        assertThat(page.getByTestId("login-form")).isVisible();
        page.navigate(base + "#/worklist");
        page.reload();
        assertThat(page.getByTestId("login-form")).isVisible();
    }

    static void ready(Page page, String view) {
        assertThat(page.locator("main[data-ready='" + view + "']")).isAttached();
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
    }

    static String findingId(String recordId, String rule) {
        return Api.as("admin").get("/api/v1/records/" + recordId).then().statusCode(200).extract().jsonPath()
                .getString("findings.find { it.ruleId == '" + rule + "' }.id");
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    @Order(1)
    void wrongPasswordIsAReadableMessage() {
        Page page = open("zh-CN");
        page.getByTestId("login-username").fill("reviewer");
        page.getByTestId("login-password").fill("not-the-password");
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("login-error")).hasText("用户名或密码错误，或账号已停用。");
        done(page);
    }

    @Test
    @Order(2)
    void reviewFilterOpenDismissAndStatistics() {
        Page page = open("zh-CN");
        login(page, "reviewer", "reviewer-demo");
        ready(page, "worklist");
        JsonPath all = Api.as("reviewer").get("/api/v1/worklist?size=200").then().extract().jsonPath();
        assertThat(page.getByTestId("worklist-total")).hasAttribute("data-total", String.valueOf(all.getInt("total")));
        shot(page, "01-worklist");

        // filter by grade (a select) and by severity (a facet chip): every row shown matches, the count is the API's
        int c = Api.as("reviewer").get("/api/v1/worklist?grade=丙&severity=high").then().extract().path("total");
        int graded = Api.as("reviewer").get("/api/v1/worklist?grade=丙").then().extract().path("total");
        page.getByTestId("filter-grade").selectOption("丙");
        assertThat(page.getByTestId("worklist-total")).hasAttribute("data-total", String.valueOf(graded));
        page.getByTestId("facet-severity-high").click();
        // the chip is pressed only on the page rendered for the new filter (the total alone may not change)
        assertThat(page.getByTestId("facet-severity-high")).hasAttribute("aria-pressed", "true");
        assertThat(page.getByTestId("worklist-total")).hasAttribute("data-total", String.valueOf(c));
        assertTrue(c > 0 && c < all.getInt("total"), "the filter narrows the list: " + c);
        assertThat(page.getByTestId("worklist-row")).hasCount(c);
        for (Locator grade : page.getByTestId("worklist-row").locator(".grade").all()) assertThat(grade).hasText("丙");
        shot(page, "02-worklist-filtered");

        // reset, then filter by rule (a text field submitted with Enter) and open the record from its row
        page.getByTestId("filter-reset").click();
        assertThat(page.getByTestId("worklist-total")).hasAttribute("data-total", String.valueOf(all.getInt("total")));
        page.getByTestId("filter-rule").fill(VITALS_RULE);
        page.getByTestId("filter-rule").press("Enter");
        int withRule = Api.as("reviewer").get("/api/v1/worklist?rule=" + VITALS_RULE).then().extract().path("total");
        assertTrue(withRule >= 1, "records with " + VITALS_RULE + ": " + withRule);
        assertThat(page.getByTestId("worklist-total")).hasAttribute("data-total", String.valueOf(withRule));

        // statistics before the verdict
        JsonPath before = Api.as("reviewer").get("/api/v1/stats").then().extract().jsonPath();
        String recordId = records.get(TEMPERATURE);
        String findingId = findingId(recordId, VITALS_RULE);
        page.locator("[data-testid=worklist-row][data-record-id='" + recordId + "'] [data-testid=worklist-open]").click();
        ready(page, "records");
        assertThat(page.getByTestId("record-view")).hasAttribute("data-record-id", recordId);

        // the evidence span is highlighted and linked to its finding both ways
        Locator mark = page.locator("mark[data-finding='" + findingId + "']");
        assertThat(mark).hasText("45.2");
        Locator finding = page.locator("[data-testid=finding][data-finding-id='" + findingId + "']");
        assertThat(finding.getByTestId("finding-parameters")).isVisible();
        assertThat(finding.getByTestId("finding-regulation")).not().isEmpty();
        mark.click();
        assertThat(finding).hasAttribute("data-selected", "true");
        assertThat(finding).isFocused();
        finding.getByTestId("evidence-span").first().click();
        assertThat(mark).hasAttribute("data-active", "true");
        assertThat(mark).isFocused();
        shot(page, "03-record");

        // dismissing needs a reason: an empty one is refused in the page (and nothing is sent)
        finding.getByTestId("verdict-dismiss").click();
        finding.getByTestId("dismiss-submit").click();
        assertThat(finding.getByTestId("finding-error")).hasText("排除误报必须填写理由。");
        assertThat(finding).hasAttribute("data-status", "open");
        assertEquals("open", Api.as("admin").get("/api/v1/records/" + recordId).then().extract().jsonPath()
                .getString("findings.find { it.id == '" + findingId + "' }.status"));
        finding.getByTestId("dismiss-reason").fill("体温为录入错误，护理记录实测37.2℃");
        finding.getByTestId("dismiss-submit").click();
        assertThat(finding).hasAttribute("data-status", "dismissed");
        assertThat(finding.getByTestId("finding-status")).hasText("已排除（误报）");
        assertThat(finding.getByTestId("verdict-reason")).hasText("体温为录入错误，护理记录实测37.2℃");
        assertThat(page.getByTestId("record-open-findings")).hasText("0 / 1");
        shot(page, "04-record-dismissed");

        // a comment on the dismissed finding: an empty one is refused in the page, a real one is listed
        page.getByTestId("comment-submit").click();
        assertThat(page.getByTestId("comment-error")).hasText("请先填写内容。");
        page.getByTestId("comment-body").fill("已与护理部核对体温记录。");
        page.getByTestId("comment-finding").selectOption(findingId);
        page.getByTestId("comment-submit").click();
        assertThat(page.getByTestId("comment")).hasCount(1);
        assertThat(page.getByTestId("comment").first()).containsText("已与护理部核对体温记录。");
        assertThat(page.getByTestId("comment").first()).containsText("UNR-NARR-VITALS");
        assertEquals(findingId, Api.as("admin").get("/api/v1/records/" + recordId + "/comments").then().statusCode(200)
                .extract().jsonPath().getString("[0].findingId"));

        // the statistics change: one record fewer with defects, and the rule's precision counts the dismissal
        page.getByTestId("nav-stats").click();
        ready(page, "stats");
        assertThat(page.getByTestId("stats-records")).hasText(String.valueOf(before.getInt("totals.records")));
        assertThat(page.getByTestId("stats-defective")).hasText(String.valueOf(before.getInt("totals.defective") - 1));
        Locator precision = page.locator("[data-testid=precision-row][data-rule='" + VITALS_RULE + "']");
        assertThat(precision).hasAttribute("data-dismissed", "1");
        assertThat(precision).hasAttribute("data-confirmed", "0");
        assertThat(precision.locator("td").last()).hasText("0.0%");
        assertThat(page.getByTestId("chart-grades").locator("svg")).isVisible();
        assertThat(page.getByTestId("chart-precision").locator("svg")).isVisible();
        assertThat(page.getByTestId("csv-precision")).hasAttribute("href", Pattern.compile("/api/v1/stats\\.csv\\?.*table=precision"));
        page.setViewportSize(1440, 2000);
        shot(page, "05-statistics");

        // the national indicators, and the drill-down from one to the records in its denominator
        JsonPath now = Api.as("reviewer").get("/api/v1/stats").then().extract().jsonPath();
        int operations = now.getInt("indicators.find { it.code == 'MER-D&T-04' }.denominator");
        Locator opRow = page.locator("[data-testid=stats-indicators-table] tr[data-code='MER-D&T-04']");
        assertThat(opRow.locator("td").nth(2)).hasText(String.valueOf(operations));
        if (operations > 0) {
            opRow.getByTestId("indicator-records").click();
            ready(page, "stats");
            assertThat(page.getByTestId("indicator-drilldown")).isVisible();
            assertThat(page.getByTestId("indicator-record")).hasCount(Math.min(operations, 200));
            shot(page, "05b-indicator-drilldown");
        }
        done(page);
    }

    @Test
    @Order(3)
    void sendBackAppealAndDecide() {
        String recordId = records.get("sample-late");
        Page page = open("zh-CN");
        login(page, "reviewer", "reviewer-demo");
        page.navigate(base + "#/records/" + recordId);
        ready(page, "records");
        assertThat(page.getByTestId("span-mark").first()).isVisible();
        shot(page, "06-record-late-admission");

        // a due date in the past: the API refuses it and the page shows its problem+json detail
        page.getByTestId("sendback-open").click();
        page.getByTestId("sendback-assignee").selectOption("physician");
        page.getByTestId("sendback-due").fill("2020-01-01");
        page.getByTestId("sendback-submit").click();
        assertThat(page.getByTestId("sendback-error")).hasText("dueDate: 2020-01-01 is in the past");
        page.getByTestId("sendback-due").fill(LocalDate.now().plusDays(5).toString());
        page.getByTestId("sendback-note").fill("入院记录超过24小时完成，请补充说明");
        page.getByTestId("sendback-submit").click();
        assertThat(page.getByTestId("sendback-done")).isVisible();
        assertThat(page.getByTestId("record-status")).hasText("已退回");
        logout(page);

        // the physician appeals (a reason is required)
        login(page, "physician", "physician-demo");
        page.getByTestId("nav-tasks").click();
        ready(page, "tasks");
        Locator task = page.getByTestId("task-row").filter(new Locator.FilterOptions().setHas(page.locator("a[href='#/records/" + recordId + "']")));
        assertThat(task).hasAttribute("data-status", "open");
        task.getByTestId("task-appeal").click();
        task.getByTestId("task-appeal-submit").click();
        assertThat(task.getByTestId("task-error")).hasText("请填写理由。");
        task.getByTestId("task-reason").fill("急诊手术后补写，已在病程中说明");
        task.getByTestId("task-appeal-submit").click();
        task = page.locator("[data-testid=task-row][data-status=appealed]");
        assertThat(task.getByTestId("task-status")).hasText("已申诉");
        shot(page, "07-tasks-appealed");
        logout(page);

        // the reviewer rejects the appeal with a reason
        login(page, "reviewer", "reviewer-demo");
        page.getByTestId("nav-tasks").click();
        ready(page, "tasks");
        task = page.locator("[data-testid=task-row][data-status=appealed]");
        assertThat(task.getByTestId("task-appeal-reason")).hasText("急诊手术后补写，已在病程中说明");
        task.getByTestId("task-decide").click();
        task.getByTestId("task-reason").fill("急诊不免除24小时时限");
        task.getByTestId("task-reject").click();
        assertThat(page.locator("[data-testid=task-row][data-status=appeal_rejected]").getByTestId("task-status")).hasText("申诉驳回");
        shot(page, "08-tasks-decided");
        done(page);
    }

    @Test
    @Order(4)
    void languageSwitchAndRememberedChoice() {
        // no choice stored: the browser's language decides before login, the user's locale (zh) after it
        Page page = open("en-US");
        assertThat(page.getByTestId("login-submit")).hasText("Sign in");
        login(page, "admin", Api.ADMIN_PASSWORD);
        assertThat(page.getByTestId("nav-worklist")).hasText("质控工作台");
        assertThat(page.getByTestId("nav-users")).hasText("用户管理");

        page.getByTestId("lang-switch").selectOption("en");
        assertThat(page.getByTestId("nav-worklist")).hasText("Worklist");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Worklist");
        page.reload();
        assertThat(page.getByTestId("nav-stats")).hasText("Statistics");
        assertThat(page.getByTestId("lang-switch")).hasValue("en");
        shot(page, "09-worklist-en");

        page.getByTestId("lang-switch").selectOption("zh");
        assertThat(page.getByTestId("nav-worklist")).hasText("质控工作台");
        assertThat(page.getByTestId("nav-tasks")).hasText("整改任务");
        assertThat(page.getByTestId("nav-stats")).hasText("统计分析");
        assertThat(page.locator("label[for='" + page.getByTestId("filter-severity").getAttribute("id") + "']")).hasText("严重程度");
        page.getByTestId("nav-users").click();
        ready(page, "users");
        assertThat(page.locator("[data-testid=user-row][data-username=reviewer] [data-testid=user-role]")).hasValue("reviewer");
        shot(page, "10-users");
        done(page);
    }
}
